#!/usr/bin/env bash
# Tenancy benchmark: what authorization and admission cost. Sets up 100 teams x 10 namespaces with a
# ResourceQuota on every namespace and a team-wide quota (infra/bench/tenancy_setup.py), then creates
# pods for 30 s at 32 connections, alternating in one run between
#   admin   - the admin token into a namespace without quotas (the foundation's path), and
#   tenant  - a team developer's token into its team's 10 quota-limited namespaces (role lookup,
#             quota "must specify" admission, namespace and team quota checks in the write),
# twice each (admin, tenant, admin, tenant) so a drift of the growing database shows.
# Usage: infra/bench/tenancy.sh [connections=32] [seconds=30] [teams=100] [namespaces per team=10]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
export KUBECONFIG=$PAAS_HOME/kubeconfig
connections=${1:-32} seconds=${2:-30} teams=${3:-100} per_team=${4:-10}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
url=${PAAS_API_URL:-http://127.0.0.1:5080}
admin_token=$(kubectl config view --minify --raw -o jsonpath='{.users[0].user.token}')
run=$(date +%s)

while kubectl get namespaces -o name | grep -q '^namespace/bench-'; do echo "waiting for an earlier run's namespaces to be deleted"; sleep 10; done
echo "setting up $teams teams x $per_team namespaces with quotas"
mapfile -t setup < <(python3 "$root/infra/bench/tenancy_setup.py" "$url" "$admin_token" "$run" "$teams" "$per_team")
tenant_token=${setup[0]}
tenant_namespaces="${setup[*]:1}"
admin_ns=bench-$run-admin
kubectl create namespace "$admin_ns" >/dev/null
cleanup() {
  echo "deleting the benchmark's namespaces and teams"
  kubectl get namespaces -o name | grep "^namespace/bench-$run-" | xargs -r kubectl delete --wait=false >/dev/null
  kubectl get teams -o name | grep "/bench-$run-" | xargs -r kubectl delete >/dev/null
}
trap cleanup EXIT

summary() {
  awk -v what="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /requests in/ {n=$1}
    END {printf "%-7s requests=%s non2xx=%s throughput=%s/s p50=%s p99=%s\n", what, n, (bad==""?0:bad), rps, p50, p99}'
}
measure() { # name token namespaces
  BENCH_TOKEN=$2 BENCH_NAMESPACES=$3 wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/infra/bench/create_rotating.lua" "$url" | summary "$1"
}

echo "tenancy benchmark: $connections connections, $seconds s per run, $teams teams x $per_team namespaces, $(nproc) cores, $(date -u +%F)"
measure admin "$admin_token" "$admin_ns"
measure tenant "$tenant_token" "$tenant_namespaces"
measure admin "$admin_token" "$admin_ns"
measure tenant "$tenant_token" "$tenant_namespaces"
