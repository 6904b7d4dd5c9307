#!/usr/bin/env bash
# Node agent benchmark (issue 6), on the real Docker engine, in one run:
#  1. `docker run -d` of the same image 50 times, one after another: the floor (a container, no pod sandbox,
#     no API);
#  2. pod startup latency through the whole platform (create -> all containers running, seen on a watch),
#     p50/p99 over 50 pods created one at a time (infra/bench/pod-startup.cs);
#  3. density: 100 pods running on the node, then the agent's memory and CPU while idle for 60 s.
# The platform runs as two processes — the control plane (API, controllers, scheduler) and the node agent, so the
# agent's own memory and CPU can be read — on a database, RabbitMQ virtual host, ports and node name of its own,
# so a platform started by infra/up.sh is neither disturbed nor counted.
# Usage: infra/bench/pod-startup.sh [pods=50] [density=100]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=infra/services.sh
source "$root/infra/services.sh"
pods=${1:-50} density=${2:-100} bench_image=paas/busybox:1
work=$(mktemp -d) bin="$root/artifacts/bench-paas" database=paas_bench_pods vhost=paas-bench-pods node=bench-node
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=5432;Database=$database;Username=postgres;Password=postgres"
export RabbitMq__VirtualHost=$vhost
export Api__HomeDirectory=$work Api__ListenUrl=http://127.0.0.1:5291 Api__PublicUrl=http://127.0.0.1:5291
export Api__SecureListenUrl=https://127.0.0.1:6544 Api__SecurePublicUrl=https://127.0.0.1:6544 Gateway__ListenUrl=http://127.0.0.1:8091
export Controllers__Kubeconfig=$work/controllers.kubeconfig Scheduler__Kubeconfig=$work/scheduler.kubeconfig
export Agent__KubeconfigPattern="$work/{node}.kubeconfig" Agent__DockerNode=$node Agent__StateDirectory=$work/agent Agent__PortRange=47000-47999
export Logging__LogLevel__Default=Warning
pid="" agent=""

cleanup() {
  for p in $agent $pid; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done
  docker ps -aq --filter "label=paas.dev/node=$node" | xargs -r docker rm -f >/dev/null
  docker ps -aq --filter "label=paas.dev/bench=docker-run" | xargs -r docker rm -f >/dev/null
  docker network ls -q --filter name=paas-ns-bench-start- | xargs -r docker network rm >/dev/null 2>&1 || true
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

paas_services_up
paas_build_images "$root"
paas_log "building the platform (Release) into $bin"
dotnet build "$root/src/PaaS.Host/PaaS.Host.csproj" -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet build "$root/infra/bench/pod-startup.cs" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null

paas_log "1. docker run -d $bench_image, $pods times one after another (the floor)"
times=()
for i in $(seq 1 "$pods"); do
  start=$(date +%s%N)
  docker run -d --label paas.dev/bench=docker-run "$bench_image" sleep 3600 >/dev/null
  times+=($(( ($(date +%s%N) - start) / 1000000 )))
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {
printf "docker run -d:  p50 %d ms   p90 %d ms   p99 %d ms   max %d ms\n", a[int(NR*0.5+0.999)], a[int(NR*0.9+0.999)], a[int(NR*0.99+0.999)], a[NR] }'
docker ps -aq --filter "label=paas.dev/bench=docker-run" | xargs -r docker rm -f >/dev/null

paas_log "2. the platform (control plane and node agent, node $node on this engine)"
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
rabbitmqctl -q add_vhost "$vhost" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null
dotnet "$bin/paas.dll" migrate >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig system:controllers "$Controllers__Kubeconfig" >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig system:scheduler "$Scheduler__Kubeconfig" >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig "system:node:$node" "$work/$node.kubeconfig" >/dev/null
dotnet "$bin/paas.dll" --roles api,controllers,scheduler >"$work/paas.log" 2>&1 &
pid=$!
for _ in $(seq 1 60); do curl -fsS "$Api__ListenUrl/readyz" >/dev/null 2>&1 && break; sleep 1; done
dotnet "$bin/paas.dll" --roles agent >"$work/agent.log" 2>&1 &
agent=$!
dotnet "$bin/paas.dll" admin-kubeconfig >/dev/null
export KUBECONFIG=$work/kubeconfig
for _ in $(seq 1 60); do kubectl get node "$node" --no-headers 2>/dev/null | grep -q ' Ready' && break; sleep 1; done

dotnet run --no-build -c Release "$root/infra/bench/pod-startup.cs" -- "$KUBECONFIG" "$pods" "$bench_image" "$density" || { kubectl get pods -A -o wide; kubectl get pods -A -o json | grep -A12 "containerStatuses" | tail -n 30; grep -E -A6 "^(warn|fail)" "$work/paas.log" "$work/agent.log" | grep -v "Leader\|6544\|at System\|at k8s" | tail -n 40; exit 1; }

paas_log "3. $density pods running: idle for 60 s"
cpu() { awk '{print $14 + $15}' "/proc/$1/stat"; }
before_agent=$(cpu "$agent") before_cp=$(cpu "$pid")
sleep 60
awk -v a="$(cpu "$agent")" -v b="$before_agent" 'BEGIN {printf "agent idle CPU:          %.1f%% of one core\n", (a - b) / 60}'
awk -v a="$(cpu "$pid")" -v b="$before_cp" 'BEGIN {printf "control plane idle CPU:  %.1f%% of one core\n", (a - b) / 60}'
for p in agent pid; do
  printf '%-24s %d MiB resident (VmRSS), %d MiB peak (VmHWM)\n' "$([ $p = agent ] && echo "agent memory:" || echo "control plane memory:")" \
    $(($(awk '/VmRSS/ {print $2}' "/proc/${!p}/status") / 1024)) $(($(awk '/VmHWM/ {print $2}' "/proc/${!p}/status") / 1024))
done
echo "containers:     $(docker ps -q --filter "label=paas.dev/node=$node" | wc -l) running for node $node (a sandbox and an app per pod)"
for log in paas agent; do
  errors=$(grep -c -E '^(fail|crit)' "$work/$log.log" || true)
  [ "$errors" -eq 0 ] || { echo "$log logged $errors errors; last lines:"; grep -E -A3 '^(fail|crit)' "$work/$log.log" | tail -n 12; }
done
