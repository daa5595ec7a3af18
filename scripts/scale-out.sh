#!/usr/bin/env bash
# The multi-node deployment, end to end on this machine: PostgreSQL, two QueueHall nodes on loopback
# ports, nginx in front (WebSockets, sticky by client address). Checks that a ticket issued through one
# node is called through the other and seen by a display on the first, and that stopping a node leaves
# the other serving, clients reconnecting through nginx. Extra options go to the tool (e.g. --keep 1).
set -euo pipefail
exec "$(dirname "$0")/loadtool.sh" scale-out "$@"
