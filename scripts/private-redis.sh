#!/usr/bin/env bash
# Sourced by the test and load scripts: starts a private Redis server (Debian's redis-server, append-only on)
# on a free port for this run, exports QUEUEHALL_REDIS, and stops it on exit. Reuses one when QUEUEHALL_REDIS is set.
# Call private_redis_stop from the caller's own EXIT trap (a later trap replaces this one).
if [ -z "${QUEUEHALL_REDIS:-}" ]; then
  redisdir=$(mktemp -d /tmp/queuehall-redis.XXXXXX)
  redisport=$((57000 + $$ % 900))
  while (echo >/dev/tcp/127.0.0.1/$redisport) 2>/dev/null; do redisport=$((redisport + 1)); done
  redis-server --port "$redisport" --bind 127.0.0.1 --dir "$redisdir" --appendonly yes --appendfsync everysec \
    --save "" --daemonize yes --pidfile "$redisdir/redis.pid" --logfile "$redisdir/redis.log" >/dev/null
  for _ in $(seq 1 50); do (echo >/dev/tcp/127.0.0.1/$redisport) 2>/dev/null && break; sleep 0.1; done
  private_redis_stop() { [ -f "$redisdir/redis.pid" ] && kill "$(cat "$redisdir/redis.pid")" 2>/dev/null; sleep 0.2; rm -rf "$redisdir"; }
  export QUEUEHALL_REDIS="127.0.0.1:$redisport"
else
  private_redis_stop() { :; }
fi
