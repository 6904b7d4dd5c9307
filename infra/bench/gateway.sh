#!/usr/bin/env bash
# Gateway benchmark (issue 7), one run, one backend: nginx (Debian package) serving a small static file.
# In front of it, each measured with wrk at 8, 32 and 128 connections for $seconds s, and at ~1,000 requests/s
# (8 connections, 8 ms between requests) for the added p99:
#   (a) the backend directly, (b) nginx as a reverse proxy (keep-alive upstream), (c) a bare YARP app
#   (infra/bench/yarp-bare.cs), (d) the platform's gateway with its features on (metrics, access log,
#   outlier ejection, governance annotations set but not limiting), routing a selector-less Service whose
#   Endpoints point at the same backend; and the gateway for a second such Service without governance.
# The platform (API, controllers, gateway) runs on a database, RabbitMQ virtual host and ports of its own.
# Usage: infra/bench/gateway.sh [seconds=30]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# shellcheck source=infra/services.sh
source "$root/infra/services.sh"
seconds=${1:-30}
work=$(mktemp -d) bin="$root/artifacts/bench-paas" database=paas_bench_gw vhost=paas-bench-gw
backend=127.0.0.1:18081 nginx_proxy=127.0.0.1:18082 yarp=127.0.0.1:18083 gateway=127.0.0.1:18084
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=5432;Database=$database;Username=postgres;Password=postgres"
export RabbitMq__VirtualHost=$vhost
export Api__HomeDirectory=$work Api__ListenUrl=http://127.0.0.1:5292 Api__PublicUrl=http://127.0.0.1:5292
export Api__SecureListenUrl=https://127.0.0.1:6545 Api__SecurePublicUrl=https://127.0.0.1:6545
export Gateway__ListenUrl=http://$gateway Gateway__Kubeconfig=$work/gateway.kubeconfig
export Controllers__Kubeconfig=$work/controllers.kubeconfig Logging__LogLevel__Default=Warning
pids=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
  PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null 2>&1 || true
  rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

paas_services_up
command -v wrk >/dev/null || $SUDO apt-get install -y -qq wrk >/dev/null
if ! command -v nginx >/dev/null; then
  # The package would start nginx on port 80 without this.
  echo exit 101 | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
  $SUDO rm -f /usr/sbin/policy-rc.d
fi

paas_log "backend and nginx proxy"
mkdir -p "$work/www" && printf 'hello from the benchmark backend\n' >"$work/www/index.html"
chmod 755 "$work" "$work/www" && chmod 644 "$work/www/index.html" # nginx's workers do not run as root
cat >"$work/nginx.conf" <<NGINX
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log;
events { worker_connections 4096; }
http {
  access_log off;
  upstream backend { server $backend; keepalive 256; }
  server { listen $backend; root $work/www; }
  server {
    listen $nginx_proxy;
    location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection ""; }
  }
}
NGINX
nginx -c "$work/nginx.conf"

paas_log "bare YARP app"
dotnet build "$root/infra/bench/yarp-bare.cs" -c Release -nologo -v q -clp:ErrorsOnly >/dev/null
dotnet run --no-build -c Release "$root/infra/bench/yarp-bare.cs" -- "http://$yarp" "http://$backend" >"$work/yarp.log" 2>&1 &
pids+=($!)

paas_log "the platform's gateway (own database, ports)"
dotnet build "$root/src/PaaS.Host/PaaS.Host.csproj" -c Release -o "$bin" -nologo -v q -clp:ErrorsOnly >/dev/null
PGPASSWORD=postgres psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $database WITH (FORCE)" >/dev/null
rabbitmqctl -q delete_vhost "$vhost" >/dev/null 2>&1 || true
rabbitmqctl -q add_vhost "$vhost" >/dev/null
rabbitmqctl -q set_permissions -p "$vhost" guest ".*" ".*" ".*" >/dev/null
dotnet "$bin/paas.dll" migrate >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig system:controllers "$Controllers__Kubeconfig" >/dev/null
dotnet "$bin/paas.dll" system-kubeconfig system:gateway "$Gateway__Kubeconfig" >/dev/null
dotnet "$bin/paas.dll" --roles api,controllers,gateway >"$work/paas.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do curl -fsS "$Api__ListenUrl/readyz" >/dev/null 2>&1 && break; sleep 1; done
dotnet "$bin/paas.dll" admin-kubeconfig >/dev/null
export KUBECONFIG=$work/kubeconfig
kubectl create namespace gbench >/dev/null
kubectl apply -n gbench -f - >/dev/null <<YAML
apiVersion: v1
kind: Service
metadata:
  name: bench
  annotations:
    gateway.paas.dev/retries: "2"
    gateway.paas.dev/timeout: "10s"
    gateway.paas.dev/circuit-breaker: "50/10s"
    gateway.paas.dev/rate-limit: "1000000/s"
spec:
  type: LoadBalancer
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata:
  name: bench
subsets:
- addresses: [{ip: "${backend%:*}"}]
  ports: [{name: http, port: ${backend#*:}}]
---
apiVersion: v1
kind: Service
metadata:
  name: plain
spec:
  type: LoadBalancer
  ports: [{name: http, port: 80}]
---
apiVersion: v1
kind: Endpoints
metadata:
  name: plain
subsets:
- addresses: [{ip: "${backend%:*}"}]
  ports: [{name: http, port: ${backend#*:}}]
YAML
host=bench.gbench.apps.localhost
for _ in $(seq 1 60); do curl -fsS -H "Host: $host" "http://$gateway/" >/dev/null 2>&1 && break; sleep 1; done

summary() { # wrk --latency output -> one line
  awk -v what="$1" '/Requests\/sec/ {rps=$2} / 50%/ {p50=$2} / 99%/ {p99=$2} /Non-2xx/ {bad=$NF} /Socket errors/ {err=$0}
    END {printf "%-22s %10s/s  p50 %8s  p99 %8s  non-2xx %s %s\n", what, rps, p50, p99, (bad==""?0:bad), err}'
}
echo "gateway benchmark: $(nproc) cores, $(date -u +%F), $seconds s per run, backend nginx static file"
for connections in 8 32 128; do
  for target in "backend $backend" "nginx-proxy $nginx_proxy" "bare-yarp $yarp" "gateway $gateway"; do
    set -- $target
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Host: $host" "http://$2/" | summary "$1 c=$connections"
  done
  # The same gateway for a service without governance annotations: what the features cost.
  wrk -t2 -c"$connections" -d"${seconds}s" --latency -H "Host: plain.gbench.apps.localhost" "http://$gateway/" | summary "gateway-plain c=$connections"
done
for target in "backend $backend" "nginx-proxy $nginx_proxy" "bare-yarp $yarp" "gateway $gateway"; do
  set -- $target
  wrk -t2 -c8 -d"${seconds}s" --latency -s "$root/infra/bench/gateway-1k.lua" -H "Host: $host" "http://$2/" | summary "$1 ~1k/s"
done
errors=$(grep -c -E '^(fail|crit)' "$work/paas.log" || true)
[ "$errors" -eq 0 ] || { echo "the platform logged $errors errors; last lines:"; grep -E -A3 '^(fail|crit)' "$work/paas.log" | tail -n 12; }
