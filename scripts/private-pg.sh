#!/usr/bin/env bash
# Sourced by the load, crash, scale-out and fuzz scripts: starts a private PostgreSQL server on a free
# port for this run (like scripts/test.sh), exports QUEUEHALL_PG, and stops it on exit.
# Reuses an existing server when QUEUEHALL_PG is already set.
if [ -z "${QUEUEHALL_PG:-}" ]; then
  pgbin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  pgdata=$(mktemp -d /tmp/queuehall-pg.XXXXXX)
  pgport=$((56000 + $$ % 900))
  while (echo >/dev/tcp/127.0.0.1/$pgport) 2>/dev/null; do pgport=$((pgport + 1)); done
  chown postgres "$pgdata"
  runuser -u postgres -- "$pgbin/initdb" -D "$pgdata" -U postgres --auth=trust -E UTF8 >/dev/null
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -o "-p $pgport -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" \
    -l "$pgdata/server.log" -w start >/dev/null
  private_pg_stop() { runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdata" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdata"; }
  trap private_pg_stop EXIT
  export QUEUEHALL_PG="Host=127.0.0.1;Port=$pgport;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
fi
