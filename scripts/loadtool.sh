#!/usr/bin/env bash
# Builds the web host and the load tool (Release) and runs one of its commands with a private PostgreSQL and Redis:
#   scripts/loadtool.sh load --storage sqlite --rate 1000 --duration 30
#   scripts/loadtool.sh load --storage postgres --rate 200 --phones 4970 --duration 30
#   scripts/loadtool.sh commit-rate
#   scripts/loadtool.sh crash --storage postgres --kills 20
#   scripts/loadtool.sh scale-out
#   scripts/loadtool.sh fuzz --storage sqlite --requests 10000
#   scripts/loadtool.sh history --storage sqlite|postgres [--tickets 2000000] [--days 365] [--runs 10]   (report timings)
# See docs/operations.md. Installs nginx, redis-server and the node SignalR client when missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v nginx >/dev/null && command -v redis-server >/dev/null || { export DEBIAN_FRONTEND=noninteractive; apt-get update -qq; apt-get install -y -qq nginx redis-server >/dev/null; }
[ -d tests/hub-client/node_modules/@microsoft/signalr ] || (cd tests/hub-client && npm ci --silent --no-audit --no-fund)
dotnet build src/Queue.Web -c Release -nologo -v q >/dev/null
dotnet build loadtests/Queue.LoadTests -c Release -nologo -v q >/dev/null
source scripts/private-pg.sh
source scripts/private-redis.sh
trap 'private_pg_stop 2>/dev/null; private_redis_stop' EXIT
loadtests/Queue.LoadTests/bin/Release/net10.0/Queue.LoadTests "$@"
