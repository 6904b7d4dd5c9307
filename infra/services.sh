#!/usr/bin/env bash
# Installs (from Debian packages) and starts what the platform needs: PostgreSQL, RabbitMQ, the Docker
# engine, plus git, busybox-static (for the local images) and libnss-myhostname (*.localhost names).
# Sourced by up.sh and test.sh; safe to run again: it installs only what is missing and starts only
# what is not running. Needs root (or sudo, see README).
set -euo pipefail

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

paas_log() { printf '\033[1m==> %s\033[0m\n' "$*"; }

paas_install_packages() {
  local wanted=(postgresql rabbitmq-server docker.io docker-compose git busybox-static libnss-myhostname curl)
  local missing=()
  for p in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    paas_log "installing ${missing[*]}"
    $SUDO apt-get update -qq
    # Services must not be started by the package scripts: there is no systemd here; we start them below.
    echo exit 101 | $SUDO tee /usr/sbin/policy-rc.d >/dev/null && $SUDO chmod +x /usr/sbin/policy-rc.d
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    $SUDO rm -f /usr/sbin/policy-rc.d
  fi
}

paas_start_postgres() {
  local cluster
  cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2" "$4}')
  read -r version name status <<<"$cluster"
  if [ "$status" != "online" ]; then
    paas_log "starting PostgreSQL $version/$name"
    $SUDO pg_ctlcluster "$version" "$name" start
  fi
  # The platform connects as postgres/postgres over TCP on 127.0.0.1 (see appsettings.json).
  local sql="ALTER USER postgres PASSWORD 'postgres'"
  if [ -n "$SUDO" ]; then sudo -u postgres psql -q -c "$sql" >/dev/null; else su postgres -c "psql -q -c \"$sql\"" >/dev/null; fi
}

paas_start_rabbitmq() {
  if timeout 10 $SUDO rabbitmqctl -q status >/dev/null 2>&1; then return; fi
  paas_log "starting RabbitMQ"
  $SUDO env HOME=/var/lib/rabbitmq setsid rabbitmq-server >/var/log/rabbitmq-paas.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    if timeout 10 $SUDO rabbitmqctl -q await_startup >/dev/null 2>&1; then return; fi
    sleep 1
  done
  echo "RabbitMQ did not start; see /var/log/rabbitmq-paas.log" >&2
  return 1
}

paas_start_docker() {
  if timeout 10 $SUDO docker info >/dev/null 2>&1; then return; fi
  paas_log "starting the Docker engine"
  # One network per namespace: a /16 cut into /24s gives 256 of them (the default pools run out at ~30).
  $SUDO setsid dockerd --default-address-pool base=10.210.0.0/16,size=24 >/var/log/dockerd-paas.log 2>&1 < /dev/null &
  for _ in $(seq 1 60); do
    if timeout 10 $SUDO docker info >/dev/null 2>&1; then return; fi
    sleep 1
  done
  echo "dockerd did not start; see /var/log/dockerd-paas.log" >&2
  return 1
}

# Local images: nothing can be pulled here, so they are built FROM scratch around busybox.
paas_build_images() {
  local root=$1 context
  context=$(mktemp -d)
  cp /bin/busybox "$context/busybox"
  for image in pause busybox hello; do
    cp "$root/infra/images/$image/"* "$context/"
    # The classic builder needs no buildx plugin; its output is shown only when the build fails.
    if ! out=$($SUDO env DOCKER_BUILDKIT=0 docker build -q -t "paas/$image:1" -t "paas/$image:latest" -f "$context/Dockerfile" "$context" 2>&1); then
      echo "$out" >&2
      return 1
    fi
    # A second version of the hello app, for rollouts.
    if [ "$image" = hello ] && ! out=$($SUDO env DOCKER_BUILDKIT=0 docker build -q -t "paas/hello:2" --build-arg VERSION=2 -f "$context/Dockerfile" "$context" 2>&1); then
      echo "$out" >&2
      return 1
    fi
    rm -f "$context/Dockerfile"
  done
  rm -rf "$context"
}

paas_services_up() {
  paas_install_packages
  paas_start_postgres
  paas_start_rabbitmq
  paas_start_docker
}
