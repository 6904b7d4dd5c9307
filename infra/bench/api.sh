#!/usr/bin/env bash
# API server benchmark: create and get throughput and p50/p99 latency at 32 concurrent connections
# for 30 s each (wrk with Lua scripts), against the platform started by infra/up.sh, with PostgreSQL,
# RabbitMQ, the platform and wrk all on this machine.
# Usage: infra/bench/api.sh [connections=32] [seconds=30]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
export KUBECONFIG=$PAAS_HOME/kubeconfig
connections=${1:-32} seconds=${2:-30}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
# Plain HTTP on the API's default port; kubectl's TLS port serves the same handlers.
url=${PAAS_API_URL:-http://127.0.0.1:5080}
BENCH_TOKEN=$(kubectl config view --minify --raw -o jsonpath='{.users[0].user.token}')
BENCH_NS=bench-$(date +%s)
export BENCH_TOKEN BENCH_NS

# A run leaves tens of thousands of pods; measure only once an earlier run's clean-up has finished.
while kubectl get namespaces -o name | grep -q '^namespace/bench-'; do echo "waiting for an earlier run's namespace to be deleted"; sleep 10; done
kubectl create namespace "$BENCH_NS" >/dev/null
trap 'echo "deleting $BENCH_NS"; kubectl delete namespace "$BENCH_NS" --timeout=15m >/dev/null' EXIT

summary() { # wrk --latency output -> one line
  awk -v what="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /requests in/ {n=$1}
    END {printf "%-6s requests=%s non2xx=%s throughput=%s/s p50=%s p99=%s\n", what, n, (bad==""?0:bad), rps, p50, p99}'
}

echo "API server benchmark: $connections connections, $seconds s per run, $(nproc) cores, $(date -u +%F)"
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/infra/bench/create.lua" "$url" | summary create
for i in $(seq 0 99); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $BENCH_TOKEN" -H "Content-Type: application/json" "$url/api/v1/namespaces/$BENCH_NS/pods" \
    -d "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"get-target-$i\"},\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"paas/busybox:1\"}]}}"
done
wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/infra/bench/get.lua" "$url" | summary get
