#!/usr/bin/env bash
# Runs the whole platform on this machine: installs and starts PostgreSQL, RabbitMQ and Docker if
# needed, builds the platform and the local images, migrates the database, (re)starts the all-in-one
# process in the background and waits until it answers. Safe to run again.
#
# Settings (environment): PAAS_HOME (default ~/.paas: kubeconfig, log, pid), PAAS_API_URL
# (http://127.0.0.1:5080), PAAS_API_SECURE_URL (https://127.0.0.1:6443), PAAS_GATEWAY_URL (http://127.0.0.1:8080), PAAS_ROLES (all),
# PAAS_NODE_NAME (node-1: the node whose pods run as containers on this machine's Docker engine; empty
# for none), PAAS_NODE_ADDRESS (127.0.0.1: where its pods' ports are published), PAAS_SIMULATED_NODES
# (0: simulated nodes for trying out scheduling at scale; they run nothing), and any appsettings key as
# an environment variable (e.g. ConnectionStrings__Postgres, RabbitMq__Host, Agent__PortRange).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=infra/services.sh
source "$root/infra/services.sh"

export PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
export PAAS_API_URL=${PAAS_API_URL:-http://127.0.0.1:5080}
export PAAS_API_SECURE_URL=${PAAS_API_SECURE_URL:-https://127.0.0.1:6443}
export PAAS_GATEWAY_URL=${PAAS_GATEWAY_URL:-http://127.0.0.1:8080}
export Api__HomeDirectory=$PAAS_HOME Api__ListenUrl=$PAAS_API_URL Api__PublicUrl=$PAAS_API_URL
export Api__SecureListenUrl=$PAAS_API_SECURE_URL Api__SecurePublicUrl=$PAAS_API_SECURE_URL
export Gateway__ListenUrl=$PAAS_GATEWAY_URL
mkdir -p "$PAAS_HOME"
bin="$root/artifacts/paas"

command -v dotnet >/dev/null || { echo "the .NET SDK 10 (dotnet) is required: https://dot.net" >&2; exit 1; }
paas_services_up

paas_log "building the platform"
dotnet build "$root/src/PaaS.Host/PaaS.Host.csproj" -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly
paas_log "building paasctl"
dotnet build "$root/src/PaaS.Cli/PaaS.Cli.csproj" -c Release -o "$root/artifacts/paasctl" -nologo -v q -clp:ErrorsOnly
paas_log "building local images paas/pause, paas/busybox, paas/hello"
paas_build_images "$root"
paas_log "migrating the database"
dotnet "$bin/paas.dll" migrate
# The platform's parts talk to the API server with their own system identities (written once).
mkdir -p "$PAAS_HOME/system"
export Controllers__Kubeconfig=$PAAS_HOME/system/controllers.kubeconfig Scheduler__Kubeconfig=$PAAS_HOME/system/scheduler.kubeconfig
export Gateway__Kubeconfig=$PAAS_HOME/system/gateway.kubeconfig
export Agent__KubeconfigPattern="$PAAS_HOME/system/{node}.kubeconfig" Agent__SimulatedNodes=${PAAS_SIMULATED_NODES:-0}
export Agent__DockerNode=${PAAS_NODE_NAME-node-1} Agent__NodeAddress=${PAAS_NODE_ADDRESS:-127.0.0.1}
export Agent__StateDirectory=${Agent__StateDirectory:-$PAAS_HOME/agent}
[ -f "$Controllers__Kubeconfig" ] || dotnet "$bin/paas.dll" system-kubeconfig system:controllers "$Controllers__Kubeconfig" >/dev/null
[ -f "$Scheduler__Kubeconfig" ] || dotnet "$bin/paas.dll" system-kubeconfig system:scheduler "$Scheduler__Kubeconfig" >/dev/null
[ -f "$Gateway__Kubeconfig" ] || dotnet "$bin/paas.dll" system-kubeconfig system:gateway "$Gateway__Kubeconfig" >/dev/null
[ "$Agent__SimulatedNodes" -gt 0 ] && dotnet "$bin/paas.dll" node-kubeconfigs sim "$Agent__SimulatedNodes" "$PAAS_HOME/system" >/dev/null
if [ -n "$Agent__DockerNode" ] && [ ! -f "$PAAS_HOME/system/$Agent__DockerNode.kubeconfig" ]; then
  dotnet "$bin/paas.dll" system-kubeconfig "system:node:$Agent__DockerNode" "$PAAS_HOME/system/$Agent__DockerNode.kubeconfig" >/dev/null
fi

"$root/infra/down.sh" --quiet
paas_log "starting the platform (roles: ${PAAS_ROLES:-all}; log: $PAAS_HOME/paas.log)"
# Every descriptor redirected, so nothing holds the caller's terminal or pipe open.
setsid nohup dotnet "$bin/paas.dll" --roles "${PAAS_ROLES:-all}" >"$PAAS_HOME/paas.log" 2>&1 </dev/null &
echo $! >"$PAAS_HOME/paas.pid"

for _ in $(seq 1 90); do
  if curl -fsS "$PAAS_API_URL/readyz" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$(cat "$PAAS_HOME/paas.pid")" 2>/dev/null; then
    echo "the platform exited during start-up; last lines of $PAAS_HOME/paas.log:" >&2
    tail -n 30 "$PAAS_HOME/paas.log" >&2
    exit 1
  fi
  sleep 1
done
curl -fsS "$PAAS_API_URL/readyz" >/dev/null || { echo "the platform did not become ready; see $PAAS_HOME/paas.log" >&2; exit 1; }

if [ ! -f "$PAAS_HOME/kubeconfig" ]; then
  dotnet "$bin/paas.dll" admin-kubeconfig >/dev/null
fi

echo
echo "PaaS is running."
echo "  API server and portal: $PAAS_API_URL (and $PAAS_API_SECURE_URL with TLS, for kubectl)"
echo "  Gateway:               $PAAS_GATEWAY_URL (apps at http://<service>.<namespace>.apps.localhost:${PAAS_GATEWAY_URL##*:}/ for services of type LoadBalancer or NodePort)"
if [ -f "$PAAS_HOME/admin-password" ]; then
  echo "  Admin user:            admin / $(cat "$PAAS_HOME/admin-password")   (shown once; it is not stored in plain text)"
  rm -f "$PAAS_HOME/admin-password"
fi
echo "  kubectl:               export KUBECONFIG=$PAAS_HOME/kubeconfig; kubectl get namespaces"
echo "  paasctl:               $root/artifacts/paasctl/paasctl login --server $PAAS_API_SECURE_URL --username admin --certificate-authority $PAAS_HOME/apiserver.crt"
echo "  Stop:                  infra/down.sh"
