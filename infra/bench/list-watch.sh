#!/usr/bin/env bash
# List and watch benchmark (issue 3): `kubectl get pods -A` over 5,000 stored pods (p50/p99 of 20
# runs, kubectl's own start-up included, plus the raw Table list it requests), and watch fan-out:
# 100 concurrent watchers each seeing writes (p99 from write to event). Against infra/up.sh's platform.
# Usage: infra/bench/list-watch.sh [pods=5000] [watchers=100]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
export KUBECONFIG=$PAAS_HOME/kubeconfig KUBECACHEDIR=$(mktemp -d)
pods=${1:-5000} watchers=${2:-100}
url=${PAAS_API_URL:-http://127.0.0.1:5080}
token=$(kubectl config view --minify --raw -o jsonpath='{.users[0].user.token}')
ns=listbench-$(date +%s)
kubectl create namespace "$ns" >/dev/null
trap 'kubectl delete namespace "$ns" --timeout=15m >/dev/null; rm -rf "$KUBECACHEDIR"' EXIT

echo "creating $pods pods in $ns"
seq 1 "$pods" | xargs -P 8 -I{} curl -fsS -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  "$url/api/v1/namespaces/$ns/pods" -d '{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p-{}","labels":{"bench":"list"}},"spec":{"containers":[{"name":"c","image":"paas/busybox:1"}]}}'

percentiles() { sort -n | awk '{a[NR]=$1} END {p50=a[int(NR*0.5+0.5)]; p99=a[int(NR*0.99+0.5)]; if (p99=="") p99=a[NR]; printf "p50=%dms p99=%dms max=%dms\n", p50, p99, a[NR]}'; }
total=$(kubectl get pods -A --no-headers | wc -l)
echo "kubectl get pods -A over $total pods (20 runs):"
for _ in $(seq 1 20); do s=$(date +%s%N); kubectl get pods -A >/dev/null; echo $(( ($(date +%s%N) - s) / 1000000 )); done | percentiles
echo "raw list as Table (what kubectl requests), 20 runs:"
for _ in $(seq 1 20); do
  curl -fsS -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $token" -H 'Accept: application/json;as=Table;v=v1;g=meta.k8s.io' "$url/api/v1/pods?limit=500"
done | awk '{printf "%d\n", $1*1000}' | percentiles
python3 "$root/infra/bench/watch_fanout.py" "$url" "$token" "$ns" "$watchers" 20
