#!/usr/bin/env bash
# API server benchmark: create and get throughput and p50/p99 latency at 32 concurrent clients for
# 30 s each, against the platform started by infra/up.sh (PostgreSQL on the same machine).
# Usage: infra/bench/api.sh [clients=32] [seconds=30]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
PAAS_HOME=${PAAS_HOME:-$HOME/.paas}
export KUBECONFIG=$PAAS_HOME/kubeconfig
clients=${1:-32} seconds=${2:-30}
url=$(kubectl config view --minify -o jsonpath='{.clusters[0].cluster.server}')
token=$(kubectl config view --minify --raw -o jsonpath='{.users[0].user.token}')
ns=bench-$(date +%s)

dotnet build "$root/infra/bench/ApiLoad/ApiLoad.csproj" -c Release -o "$root/artifacts/apiload" -nologo -v q -clp:ErrorsOnly
kubectl create namespace "$ns" >/dev/null
trap 'kubectl delete namespace "$ns" --wait=false >/dev/null 2>&1 || true' EXIT
echo "API server benchmark: $clients clients, $seconds s per run, $(nproc) cores, $(date -u +%F)"
dotnet "$root/artifacts/apiload/ApiLoad.dll" create "$url" "$token" "$ns" "$clients" "$seconds"
dotnet "$root/artifacts/apiload/ApiLoad.dll" get "$url" "$token" "$ns" "$clients" "$seconds"
