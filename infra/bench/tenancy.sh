#!/usr/bin/env bash
# Tenancy benchmark: what authorization and admission cost. Sets up 100 teams x 10 namespaces with a
# ResourceQuota on every namespace and a team-wide quota on every team (infra/bench/tenancy_setup.py)
# on the platform infra/up.sh started, then creates pods at 32 connections, interleaving three paths
# in one run so the machine's drift hits them alike:
#   foundation - the foundation's build (git commit $FOUNDATION, default 3aba1a9, the API as of issue 3:
#                no teams, no quotas), started here side by side on its own port and database;
#   admin      - this build, the admin token into a namespace without quotas;
#   tenant     - this build, a team developer's token into its team's 10 quota-limited namespaces (role
#                lookup, limit-range and quota admission, namespace and team quota checks in the write).
# Usage: infra/bench/tenancy.sh [connections=32] [seconds=20] [rounds=3] [teams=100] [namespaces per team=10]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
export KUBECONFIG=$PAAS_HOME/kubeconfig
connections=${1:-32} seconds=${2:-20} rounds=${3:-3} teams=${4:-100} per_team=${5:-10}
foundation=${FOUNDATION:-3aba1a9}
command -v wrk >/dev/null || apt-get install -y -qq wrk >/dev/null
url=${PAAS_API_URL:-http://127.0.0.1:5080}
admin_token=$(kubectl config view --minify --raw -o jsonpath='{.users[0].user.token}')
run=$(date +%s)
work=$(mktemp -d)
foundation_url=http://127.0.0.1:5190 foundation_db=paas_bench_foundation

cleanup() {
  echo "cleaning up"
  [ -f "$work/foundation.pid" ] && kill "$(cat "$work/foundation.pid")" 2>/dev/null || true
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $foundation_db WITH (FORCE)" >/dev/null 2>&1 || true
  git -C "$root" worktree remove --force "$work/src" >/dev/null 2>&1 || true
  kubectl get namespaces -o name | grep "^namespace/bench-$run-" | xargs -r kubectl delete --wait=false >/dev/null
  kubectl get teams -o name | grep "/bench-$run-" | xargs -r kubectl delete >/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

echo "building the foundation ($foundation) to compare against"
git -C "$root" worktree add -q --detach "$work/src" "$foundation"
dotnet build "$work/src/src/PaaS.Host/PaaS.Host.csproj" -c Release -o "$work/foundation" -nologo -v q -clp:ErrorsOnly >/dev/null
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $foundation_db WITH (FORCE)" >/dev/null
(
  export Api__HomeDirectory=$work/home Api__ListenUrl=$foundation_url Api__PublicUrl=$foundation_url
  export Api__SecureListenUrl=https://127.0.0.1:5191 Api__SecurePublicUrl=https://127.0.0.1:5191
  export ConnectionStrings__Postgres="Host=127.0.0.1;Port=5432;Database=$foundation_db;Username=postgres;Password=postgres;Maximum Pool Size=64"
  setsid nohup dotnet "$work/foundation/paas.dll" --roles api >"$work/foundation.log" 2>&1 </dev/null &
  echo $! >"$work/foundation.pid"
)
for _ in $(seq 1 60); do curl -fsS "$foundation_url/readyz" >/dev/null 2>&1 && break; sleep 1; done
foundation_token=$(awk '/token:/ {print $2}' "$work/home/kubeconfig")
curl -fsS -o /dev/null -H "Authorization: Bearer $foundation_token" -H "Content-Type: application/json" \
  -d '{"apiVersion":"v1","kind":"Namespace","metadata":{"name":"bench-foundation"}}' "$foundation_url/api/v1/namespaces"

echo "setting up $teams teams x $per_team namespaces with quotas"
mapfile -t setup < <(python3 "$root/infra/bench/tenancy_setup.py" "$url" "$admin_token" "$run" "$teams" "$per_team")
tenant_token=${setup[0]}
tenant_namespaces="${setup[*]:1}"
admin_ns=bench-$run-admin
kubectl create namespace "$admin_ns" >/dev/null

summary() {
  awk -v what="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /requests in/ {n=$1}
    END {printf "%-10s requests=%s non2xx=%s throughput=%s/s p50=%s p99=%s\n", what, n, (bad==""?0:bad), rps, p50, p99}'
}
measure() { # name url token namespaces
  BENCH_TOKEN=$3 BENCH_NAMESPACES=$4 wrk -t2 -c"$connections" -d"${seconds}s" --latency -s "$root/infra/bench/create_rotating.lua" "$2" | summary "$1"
}

echo "tenancy benchmark: $connections connections, $seconds s per run, $rounds rounds, $teams teams x $per_team namespaces, $(nproc) cores, $(date -u +%F)"
for _ in $(seq 1 "$rounds"); do
  measure foundation "$foundation_url" "$foundation_token" bench-foundation
  measure admin "$url" "$admin_token" "$admin_ns"
  measure tenant "$url" "$tenant_token" "$tenant_namespaces"
done
