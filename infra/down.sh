#!/usr/bin/env bash
# Stops the platform started by infra/up.sh (not PostgreSQL, RabbitMQ or Docker).
set -euo pipefail
PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
pidfile="$PAAS_HOME/paas.pid"
quiet=${1:-}
if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
  pid=$(cat "$pidfile")
  kill -TERM "$pid"
  for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  [ "$quiet" = "--quiet" ] || echo "PaaS stopped (pid $pid)."
elif [ "$quiet" != "--quiet" ]; then
  echo "PaaS is not running."
fi
rm -f "$pidfile"
