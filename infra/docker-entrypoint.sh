#!/bin/sh
# The platform container's entrypoint: migrate, give the platform's parts their system identities
# (once; kept in the home volume), then run the roles given as arguments.
set -e
home=${Api__HomeDirectory:-/var/lib/paas}
mkdir -p "$home/system"
dotnet /app/paas.dll migrate
export Controllers__Kubeconfig=${Controllers__Kubeconfig:-$home/system/controllers.kubeconfig}
export Scheduler__Kubeconfig=${Scheduler__Kubeconfig:-$home/system/scheduler.kubeconfig}
export Agent__KubeconfigPattern=${Agent__KubeconfigPattern:-$home/system/{node}.kubeconfig}
export Agent__SimulatedNodes=${Agent__SimulatedNodes:-1}
[ -f "$Controllers__Kubeconfig" ] || dotnet /app/paas.dll system-kubeconfig system:controllers "$Controllers__Kubeconfig"
[ -f "$Scheduler__Kubeconfig" ] || dotnet /app/paas.dll system-kubeconfig system:scheduler "$Scheduler__Kubeconfig"
i=1
while [ "$i" -le "$Agent__SimulatedNodes" ]; do
  [ -f "$home/system/sim-$i.kubeconfig" ] || dotnet /app/paas.dll system-kubeconfig "system:node:sim-$i" "$home/system/sim-$i.kubeconfig"
  i=$((i + 1))
done
exec dotnet /app/paas.dll "$@"
