#!/usr/bin/env bash
# Runs every test of QueueHall (the README's test command; .ci/run calls it).
# Provisions what the tests need when it is missing: PostgreSQL, Redis, nginx, Chromium and CJK fonts from
# Debian's packages, the SignalR JavaScript client from npm, and private PostgreSQL and Redis servers for this run.
# Extra arguments go to `dotnet test`, e.g. scripts/test.sh --filter "FullyQualifiedName~Engine".
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

need=()
command -v chromium >/dev/null || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] && fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need+=(fonts-noto-cjk)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v nginx >/dev/null || need+=(nginx)
command -v redis-server >/dev/null || need+=(redis-server)
command -v node >/dev/null || need+=(nodejs npm)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing ${need[*]} from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${need[@]}" >/dev/null
fi

# The real SignalR client the hub tests drive (tests/hub-client).
if [ ! -d tests/hub-client/node_modules/@microsoft/signalr ]; then
  (cd tests/hub-client && npm ci --silent --no-audit --no-fund)
fi

# A private PostgreSQL server for this run, owned by the postgres user, on a port of its own.
pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
pgdata=$(mktemp -d /tmp/queuehall-pg.XXXXXX)
pgport=${QUEUEHALL_PG_PORT:-}
if [ -z "$pgport" ]; then
  # Several checkouts may test at once on one machine: take the first free port from a per-process start.
  pgport=$((55000 + $$ % 900))
  while (echo >/dev/tcp/127.0.0.1/$pgport) 2>/dev/null; do pgport=$((pgport + 1)); done
fi
chown postgres "$pgdata"
runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" -l "$pgdata/server.log" -w start >/dev/null
# A private Redis (append-only) for the silo clusters of the multi-node tests.
source scripts/private-redis.sh
# Server processes the tests start leave their output here; shown below when a test fails.
keep_logs=${QUEUEHALL_SERVER_LOGS:-}
export QUEUEHALL_SERVER_LOGS=${keep_logs:-$(mktemp -d /tmp/queuehall-server-logs.XXXXXX)}
cleanup() { rm -f "${log:-}"; [ -n "$keep_logs" ] || rm -rf "$QUEUEHALL_SERVER_LOGS"; runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdata"; private_redis_stop; }
trap cleanup EXIT
export QUEUEHALL_TEST_REDIS="$QUEUEHALL_REDIS"
export QUEUEHALL_TEST_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
export QUEUEHALL_CHROMIUM=/usr/bin/chromium

dotnet build QueueHall.sln -c Release -nologo -v q
log=$(mktemp /tmp/queuehall-test.XXXXXX.log)
set +e
dotnet test tests/Queue.Tests/Queue.Tests.csproj -c Release --no-build --logger "console;verbosity=normal" "$@" | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line any CI reads: "N passed, N failed".
passed=$(grep -aEo 'Passed: +[0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
failed=$(grep -aEo 'Failed: +[0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
skipped=$(grep -aEo 'Skipped: +[0-9]+' "$log" | tail -n 1 | grep -Eo '[0-9]+' || echo 0)
# CI keeps only the end of the output: name each failed test and its message again just above that line.
if [ "$failed" != 0 ]; then
  # Each `head` below closes its pipe early; without pipefail the writer's SIGPIPE cannot end this script.
  set +o pipefail
  echo "Errors the server processes logged (first of each kind):"
  for f in "$QUEUEHALL_SERVER_LOGS"/*.log; do
    [ -e "$f" ] || continue
    grep -a -q -E '^(fail|crit):|exited by itself' "$f" || continue
    echo "== $(basename "$f")"
    grep -a -A 8 -E '^(fail|crit):|exited by itself' "$f" | grep -a -v -E 'XmlKeyManager|No XML encryptor' | awk '!seen[$0]++' | head -n 30 | cut -c1-300 || true
  done | head -n 150 || true
  echo "Failed tests, repeated from above:"
  grep -a -A 14 -E '^ +Failed Queue\.' "$log" | grep -a -v -E 'XmlKeyManager|No XML encryptor' | cut -c1-400 || true
  set -o pipefail
fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
