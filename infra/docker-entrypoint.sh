#!/bin/sh
# The platform container's entrypoint: migrate, give the platform's parts their system identities
# (once; kept in the home volume), then run the roles given as arguments.
set -e
home=${Api__HomeDirectory:-/var/lib/paas}
mkdir -p "$home/system"
dotnet /app/paas.dll migrate
export Controllers__Kubeconfig=${Controllers__Kubeconfig:-$home/system/controllers.kubeconfig}
export Scheduler__Kubeconfig=${Scheduler__Kubeconfig:-$home/system/scheduler.kubeconfig}
export Gateway__Kubeconfig=${Gateway__Kubeconfig:-$home/system/gateway.kubeconfig}
export Agent__KubeconfigPattern=${Agent__KubeconfigPattern:-$home/system/{node}.kubeconfig}
export Agent__SimulatedNodes=${Agent__SimulatedNodes:-0} Agent__DockerNode=${Agent__DockerNode-node-1}
[ -f "$Controllers__Kubeconfig" ] || dotnet /app/paas.dll system-kubeconfig system:controllers "$Controllers__Kubeconfig"
[ -f "$Scheduler__Kubeconfig" ] || dotnet /app/paas.dll system-kubeconfig system:scheduler "$Scheduler__Kubeconfig"
[ -f "$Gateway__Kubeconfig" ] || dotnet /app/paas.dll system-kubeconfig system:gateway "$Gateway__Kubeconfig"
[ "$Agent__SimulatedNodes" -gt 0 ] && dotnet /app/paas.dll node-kubeconfigs sim "$Agent__SimulatedNodes" "$home/system"
if [ -n "$Agent__DockerNode" ] && [ ! -f "$home/system/$Agent__DockerNode.kubeconfig" ]; then
  dotnet /app/paas.dll system-kubeconfig "system:node:$Agent__DockerNode" "$home/system/$Agent__DockerNode.kubeconfig"
fi
exec dotnet /app/paas.dll "$@"
