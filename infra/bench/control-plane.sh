#!/usr/bin/env bash
# Whole-stack control-plane benchmark (issue 5): the API server, the controller manager, the scheduler
# and a node agent running N **simulated** nodes, each a process of its own on a fresh database and a
# RabbitMQ virtual host of its own (so a platform started by infra/up.sh is neither disturbed nor counted).
# Then infra/bench/control-plane.cs creates pods in bursts and 100 deployments, and this script reports
# the peak memory (VmHWM) of each process. The scheduler ceiling (binding stubbed) is
# `dotnet run infra/bench/scheduler-ceiling.cs`.
# Layouts (PAAS_BENCH_LAYOUT): "separate" (default) runs api, controllers and scheduler as three processes
# and can pause the scheduler for the backlog figure; "combined" runs them in one process, as infra/up.sh
# does (k3s-style), which shares one .NET runtime's ~140 MB baseline; the backlog phase needs "separate".
# Usage: infra/bench/control-plane.sh [nodes=1000] [pods=10000] [burst=1000] [deployments=100] [replicas=10]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=infra/services.sh
source "$root/infra/services.sh"
nodes=${1:-1000} pods=${2:-10000} burst=${3:-1000} deployments=${4:-100} replicas=${5:-10}
work=$(mktemp -d) bin="$root/artifacts/bench-paas" database=paas_bench_cp vhost=paas-bench
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=5432;Database=$database;Username=postgres;Password=postgres;Maximum Pool Size=64"
export RabbitMq__VirtualHost=$vhost
export Api__HomeDirectory=$work Api__ListenUrl=http://127.0.0.1:5290 Api__PublicUrl=http://127.0.0.1:5290
export Api__SecureListenUrl=https://127.0.0.1:6543 Api__SecurePublicUrl=https://127.0.0.1:6543
export Controllers__Kubeconfig=$work/controllers.kubeconfig Scheduler__Kubeconfig=$work/scheduler.kubeconfig
export Agent__KubeconfigPattern="$work/nodes/{node}.kubeconfig" Agent__SimulatedNodes=$nodes
export Logging__LogLevel__Default=Warning DOTNET_PerfMapEnabled=${DOTNET_PerfMapEnabled:-0} DOTNET_EnableWriteXorExecute=${DOTNET_EnableWriteXorExecute:-1}
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

paas_services_up
paas_log "building the platform (Release) into $bin"
dotnet build "$root/src/PaaS.Host/PaaS.Host.csproj" -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build "$root/infra/bench/control-plane.cs" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
rabbitmqctl -q add_vhost "$vhost" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null
dotnet "$bin/paas.dll" migrate >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig system:controllers "$Controllers__Kubeconfig" >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig system:scheduler "$Scheduler__Kubeconfig" >/dev/null
paas_log "issuing $nodes node identities"
dotnet "$bin/paas.dll" node-kubeconfigs sim "$nodes" "$work/nodes" >/dev/null

declare -A pid_of
if [ "${PAAS_BENCH_LAYOUT:-separate}" = combined ]; then parts=(control-plane agent); else parts=(api controllers scheduler agent); fi
for role in "${parts[@]}"; do
  roles=$role
  [ "$role" = control-plane ] && roles=api,controllers,scheduler
  dotnet "$bin/paas.dll" --roles "$roles" >"$work/$role.log" 2>&1 &
  pids+=($!) pid_of[$role]=$!
  if [ "$role" = api ] || [ "$role" = control-plane ]; then
    for _ in $(seq 1 60); do curl -fsS "$Api__ListenUrl/readyz" >/dev/null 2>&1 && break; sleep 1; done
    dotnet "$bin/paas.dll" admin-kubeconfig >/dev/null
  fi
done
export KUBECONFIG=$work/kubeconfig

paas_log "waiting for $nodes simulated nodes to register and turn Ready"
began=$(date +%s)
for _ in $(seq 1 300); do
  ready=$(kubectl get nodes --no-headers 2>/dev/null | awk '$2 == "Ready"' | wc -l)
  [ "$ready" -ge "$nodes" ] && break
  sleep 2
done
echo "nodes Ready:             $ready of $nodes after $(( $(date +%s) - began )) s"
[ "$ready" -ge "$nodes" ] || { tail -n 20 "$work/agent.log"; exit 1; }

paas_log "creating $pods pods in bursts of $burst, then $deployments deployments x $replicas replicas"
# CPU seconds (user + system) per part over the driver's run: where a pod's cost goes on this machine.
cpu_of() { awk '{printf "%.1f", ($14 + $15) / 100}' "/proc/$1/stat"; }
cpu_of_all() { ps -C "$1" -o cputimes= 2>/dev/null | awk '{s += $1} END {printf "%.1f", s}'; }
declare -A cpu_before
for role in "${parts[@]}"; do cpu_before[$role]=$(cpu_of "${pid_of[$role]}"); done
cpu_before[postgres]=$(cpu_of_all postgres) cpu_before[rabbitmq]=$(cpu_of_all beam.smp)
status=0
pid_list=$(for role in "${parts[@]}"; do printf '%s=%s,' "$role" "${pid_of[$role]}"; done)
dotnet run --no-build -c Release "$root/infra/bench/control-plane.cs" -- "$KUBECONFIG" "$pods" "$burst" "$deployments" "$replicas" "$pid_list" || status=$?

echo "CPU seconds during the run:"
for role in "${parts[@]}"; do awk -v r="$role" -v a="$(cpu_of "${pid_of[$role]}")" -v b="${cpu_before[$role]}" 'BEGIN {printf "  %-12s %6.1f\n", r, a - b}'; done
awk -v a="$(cpu_of_all postgres)" -v b="${cpu_before[postgres]}" 'BEGIN {printf "  %-12s %6.1f\n", "postgres", a - b}'
awk -v a="$(cpu_of_all beam.smp)" -v b="${cpu_before[rabbitmq]}" 'BEGIN {printf "  %-12s %6.1f\n", "rabbitmq", a - b}'

echo "peak memory (VmHWM) at the end, the backlog's pods included:"
for role in "${parts[@]}"; do
  printf '  %-14s %6d MiB\n' "$role" $(($(awk '/VmHWM/ {print $2}' "/proc/${pid_of[$role]}/status") / 1024))
done
for role in "${parts[@]}"; do
  errors=$(grep -c -E '^(fail|crit)' "$work/$role.log" || true)
  [ "$errors" -eq 0 ] || { echo "$role logged $errors errors; last lines:"; grep -E -A3 '^(fail|crit)' "$work/$role.log" | tail -n 12; }
done
exit "$status"
