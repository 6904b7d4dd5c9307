using PaaS.Core.Protobuf;

namespace PaaS.Core.Tests.Protobuf;

/// <summary>
/// Kinds that no kubectl command sends as protobuf (status, nodes, events, leases...): bodies are written field by
/// field with the numbers of Kubernetes' wire format, laid out the way gogo-protobuf does (zero scalars included).
/// </summary>
public sealed class KubernetesProtobufKindsTests
{
    private static readonly DateTimeOffset Noon = new(2024, 1, 2, 3, 4, 5, TimeSpan.Zero);

    [Fact]
    public void Decode_PodWithStatus_WritesPhaseConditionsIpsAndContainerStates()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", pod => pod
            .Message(1, m => m.String(1, "web-1").String(3, "demo").ZeroTime(8))
            .Message(2, spec => spec
                .Message(2, c => c.String(1, "app").String(2, "nginx").Bool(16, false).Bool(17, false).Bool(18, false))
                .String(3, "Always")
                .Bool(11, false))
            .Message(3, status => status
                .String(1, "Running")
                .Message(2, c => c.String(1, "Ready").String(2, "True").ZeroTime(3).Time(4, Noon).String(5, string.Empty))
                .String(5, "10.0.0.5")
                .String(6, "10.244.1.7")
                .Message(12, ip => ip.String(1, "10.244.1.7"))
                .Message(12, ip => ip.String(1, "fd00::7"))
                .Time(7, Noon)
                .Message(8, cs => cs
                    .String(1, "app")
                    .Message(2, state => state.Message(2, running => running.Time(1, Noon)))
                    .Message(3, last => last.Message(3, t => t
                        .Int(1, 0).Int(2, 0).String(3, "Completed").String(4, string.Empty).Time(5, Noon).Time(6, Noon.AddMinutes(1))))
                    .Bool(4, true)
                    .Int(5, 0)
                    .String(6, "nginx:1.27")
                    .String(7, "docker.io/library/nginx@sha256:abc")
                    .String(8, "containerd://123")
                    .Bool(9, true))
                .Message(8, cs => cs
                    .String(1, "sidecar")
                    .Message(2, state => state.Message(1, w => w.String(1, "CrashLoopBackOff").String(2, "back-off")))
                    .Message(3, _ => { })
                    .Bool(4, false)
                    .Int(5, 3)
                    .String(6, "busybox")
                    .String(7, string.Empty))
                .String(9, "BestEffort")));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "Pod",
              "metadata": { "name": "web-1", "namespace": "demo" },
              "spec": { "containers": [ { "name": "app", "image": "nginx" } ], "restartPolicy": "Always" },
              "status": {
                "phase": "Running",
                "conditions": [ { "type": "Ready", "status": "True", "lastTransitionTime": "2024-01-02T03:04:05Z" } ],
                "hostIP": "10.0.0.5",
                "podIP": "10.244.1.7",
                "podIPs": [ { "ip": "10.244.1.7" }, { "ip": "fd00::7" } ],
                "startTime": "2024-01-02T03:04:05Z",
                "containerStatuses": [
                  {
                    "name": "app",
                    "state": { "running": { "startedAt": "2024-01-02T03:04:05Z" } },
                    "lastState": { "terminated": { "exitCode": 0, "reason": "Completed",
                                                   "startedAt": "2024-01-02T03:04:05Z", "finishedAt": "2024-01-02T03:05:05Z" } },
                    "ready": true, "restartCount": 0, "image": "nginx:1.27",
                    "imageID": "docker.io/library/nginx@sha256:abc", "containerID": "containerd://123", "started": true
                  },
                  {
                    "name": "sidecar",
                    "state": { "waiting": { "reason": "CrashLoopBackOff", "message": "back-off" } },
                    "lastState": {},
                    "ready": false, "restartCount": 3, "image": "busybox", "imageID": ""
                  }
                ],
                "qosClass": "BestEffort"
              }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_Node_WritesTaintsCapacityConditionsAddressesAndNodeInfo()
    {
        var body = ProtoWriter.Envelope("v1", "Node", node => node
            .Message(1, m => m.String(1, "node-1").StringLabel("kubernetes.io/hostname", "node-1"))
            .Message(2, spec => spec
                .String(1, "10.244.1.0/24")
                .String(7, "10.244.1.0/24")
                .Bool(4, true)
                .Message(5, t => t.String(1, "node.kubernetes.io/unschedulable").String(2, string.Empty).String(3, "NoSchedule").Time(4, Noon)))
            .Message(3, status => status
                .QuantityEntry(1, "cpu", "4")
                .QuantityEntry(1, "memory", "16Gi")
                .QuantityEntry(2, "cpu", "3800m")
                .QuantityEntry(2, "pods", "110")
                .Message(4, c => c.String(1, "Ready").String(2, "True").Time(3, Noon).Time(4, Noon).String(5, "KubeletReady").String(6, "kubelet is posting ready status"))
                .Message(5, a => a.String(1, "InternalIP").String(2, "10.0.0.5"))
                .Message(5, a => a.String(1, "Hostname").String(2, "node-1"))
                .Message(6, d => d.Message(1, e => e.Int(1, 10250)))
                .Message(7, info => info
                    .String(1, "m1").String(2, "uuid").String(3, "boot").String(4, "6.1.0").String(5, "Debian GNU/Linux 12")
                    .String(6, "containerd://1.7.0").String(7, "v1.32.4").String(8, string.Empty).String(9, "linux").String(10, "amd64"))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "Node",
              "metadata": { "name": "node-1", "labels": { "kubernetes.io/hostname": "node-1" } },
              "spec": {
                "podCIDR": "10.244.1.0/24", "podCIDRs": [ "10.244.1.0/24" ], "unschedulable": true,
                "taints": [ { "key": "node.kubernetes.io/unschedulable", "effect": "NoSchedule", "timeAdded": "2024-01-02T03:04:05Z" } ]
              },
              "status": {
                "capacity": { "cpu": "4", "memory": "16Gi" },
                "allocatable": { "cpu": "3800m", "pods": "110" },
                "conditions": [ { "type": "Ready", "status": "True", "lastHeartbeatTime": "2024-01-02T03:04:05Z",
                                  "lastTransitionTime": "2024-01-02T03:04:05Z", "reason": "KubeletReady",
                                  "message": "kubelet is posting ready status" } ],
                "addresses": [ { "type": "InternalIP", "address": "10.0.0.5" }, { "type": "Hostname", "address": "node-1" } ],
                "daemonEndpoints": { "kubeletEndpoint": { "Port": 10250 } },
                "nodeInfo": { "machineID": "m1", "systemUUID": "uuid", "bootID": "boot", "kernelVersion": "6.1.0",
                              "osImage": "Debian GNU/Linux 12", "containerRuntimeVersion": "containerd://1.7.0",
                              "kubeletVersion": "v1.32.4", "kubeProxyVersion": "", "operatingSystem": "linux", "architecture": "amd64" }
              }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_Event_WritesInvolvedObjectSourceCountsAndTimes()
    {
        var micro = Noon.AddTicks(1_234_567); // 0.1234567 s: MicroTime keeps 123456 µs
        var body = ProtoWriter.Envelope("v1", "Event", e => e
            .Message(1, m => m.String(1, "web-1.17a").String(3, "demo"))
            .Message(2, o => o.String(1, "Pod").String(2, "demo").String(3, "web-1").String(4, "uid-1").String(5, "v1").String(6, "42").String(7, "spec.containers{app}"))
            .String(3, "Pulled")
            .String(4, "Successfully pulled image")
            .Message(5, s => s.String(1, "kubelet").String(2, "node-1"))
            .Time(6, Noon)
            .Time(7, Noon.AddSeconds(30))
            .Int(8, 2)
            .String(9, "Normal")
            .Message(10, t => t.Int(1, micro.ToUnixTimeSeconds()).Int(2, 123_456_700))
            .Message(11, s => s.Int(1, 5).Message(2, t => t.Int(1, Noon.ToUnixTimeSeconds()).Int(2, 0)))
            .String(12, string.Empty)
            .String(14, "kubelet")
            .String(15, "node-1"));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "Event",
              "metadata": { "name": "web-1.17a", "namespace": "demo" },
              "involvedObject": { "kind": "Pod", "namespace": "demo", "name": "web-1", "uid": "uid-1", "apiVersion": "v1",
                                  "resourceVersion": "42", "fieldPath": "spec.containers{app}" },
              "reason": "Pulled", "message": "Successfully pulled image",
              "source": { "component": "kubelet", "host": "node-1" },
              "firstTimestamp": "2024-01-02T03:04:05Z", "lastTimestamp": "2024-01-02T03:04:35Z",
              "count": 2, "type": "Normal",
              "eventTime": "2024-01-02T03:04:05.123456Z",
              "series": { "count": 5, "lastObservedTime": "2024-01-02T03:04:05.000000Z" },
              "reportingComponent": "kubelet", "reportingInstance": "node-1"
            }
            """,
            json);
    }

    [Fact]
    public void Decode_Lease_WritesHolderDurationAndMicroTimes()
    {
        var body = ProtoWriter.Envelope("coordination.k8s.io/v1", "Lease", l => l
            .Message(1, m => m.String(1, "node-1").String(3, "kube-node-lease"))
            .Message(2, s => s
                .String(1, "node-1")
                .Int(2, 40)
                .Message(3, t => t.Int(1, Noon.ToUnixTimeSeconds()).Int(2, 500_000_000))
                .Message(4, t => t.Int(1, Noon.ToUnixTimeSeconds() + 10).Int(2, 0))
                .Int(5, 0)));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "coordination.k8s.io/v1", "kind": "Lease",
              "metadata": { "name": "node-1", "namespace": "kube-node-lease" },
              "spec": { "holderIdentity": "node-1", "leaseDurationSeconds": 40,
                        "acquireTime": "2024-01-02T03:04:05.500000Z", "renewTime": "2024-01-02T03:04:15.000000Z",
                        "leaseTransitions": 0 }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_Endpoints_WritesSubsetsAddressesTargetRefsAndPorts()
    {
        var body = ProtoWriter.Envelope("v1", "Endpoints", e => e
            .Message(1, m => m.String(1, "web").String(3, "demo"))
            .Message(2, s => s
                .Message(1, a => a.String(1, "10.244.1.7").String(3, string.Empty).String(4, "node-1")
                    .Message(2, r => r.String(1, "Pod").String(2, "demo").String(3, "web-1").String(4, "uid-1")))
                .Message(2, a => a.String(1, "10.244.2.8"))
                .Message(3, p => p.String(1, "http").Int(2, 8080).String(3, "TCP").String(4, "http"))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "Endpoints",
              "metadata": { "name": "web", "namespace": "demo" },
              "subsets": [ {
                "addresses": [ { "ip": "10.244.1.7", "nodeName": "node-1",
                                 "targetRef": { "kind": "Pod", "namespace": "demo", "name": "web-1", "uid": "uid-1" } } ],
                "notReadyAddresses": [ { "ip": "10.244.2.8" } ],
                "ports": [ { "name": "http", "port": 8080, "protocol": "TCP", "appProtocol": "http" } ]
              } ]
            }
            """,
            json);
    }

    [Fact]
    public void Decode_ReplicaSet_WritesOwnerReferencesSelectorAndStatus()
    {
        var body = ProtoWriter.Envelope("apps/v1", "ReplicaSet", rs => rs
            .Message(1, m => m
                .String(1, "web-5d8f")
                .String(3, "demo")
                .String(5, "rs-uid")
                .String(6, "1234")
                .Int(7, 3)
                .Time(8, Noon)
                .StringLabel("app", "web")
                .Message(12, a => a.String(1, "deployment.kubernetes.io/revision").String(2, "2"))
                .Message(13, o => o.String(5, "apps/v1").String(1, "Deployment").String(3, "web").String(4, "dep-uid").Bool(6, true).Bool(7, true))
                .String(14, "example.com/cleanup"))
            .Message(2, spec => spec
                .Int(1, 2)
                .Int(4, 0)
                .Message(2, sel => sel
                    .Entry(1, "app", "web")
                    .Message(2, r => r.String(1, "tier").String(2, "In").String(3, "a").String(3, "b")))
                .Message(3, t => t.Message(1, m => m.StringLabel("app", "web")).Message(2, ps => ps.Message(2, c => c.String(1, "app").String(2, "nginx")))))
            .Message(3, st => st
                .Int(1, 2).Int(2, 2).Int(4, 1).Int(5, 1).Int(3, 3)
                .Message(6, c => c.String(1, "ReplicaFailure").String(2, "False").ZeroTime(3).String(4, string.Empty).String(5, string.Empty))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "apps/v1", "kind": "ReplicaSet",
              "metadata": {
                "name": "web-5d8f", "namespace": "demo", "uid": "rs-uid", "resourceVersion": "1234", "generation": 3,
                "creationTimestamp": "2024-01-02T03:04:05Z",
                "labels": { "app": "web" },
                "annotations": { "deployment.kubernetes.io/revision": "2" },
                "ownerReferences": [ { "apiVersion": "apps/v1", "kind": "Deployment", "name": "web", "uid": "dep-uid",
                                       "controller": true, "blockOwnerDeletion": true } ],
                "finalizers": [ "example.com/cleanup" ]
              },
              "spec": {
                "replicas": 2,
                "selector": { "matchLabels": { "app": "web" },
                              "matchExpressions": [ { "key": "tier", "operator": "In", "values": [ "a", "b" ] } ] },
                "template": { "metadata": { "labels": { "app": "web" } },
                              "spec": { "containers": [ { "name": "app", "image": "nginx" } ] } }
              },
              "status": {
                "replicas": 2, "fullyLabeledReplicas": 2, "readyReplicas": 1, "availableReplicas": 1, "observedGeneration": 3,
                "conditions": [ { "type": "ReplicaFailure", "status": "False" } ]
              }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_DeploymentWithRollingUpdate_WritesIntOrStringAndConditions()
    {
        var body = ProtoWriter.Envelope("apps/v1", "Deployment", d => d
            .Message(1, m => m.String(1, "web"))
            .Message(2, spec => spec
                .Int(1, 3)
                .Message(4, s => s.String(1, "RollingUpdate").Message(2, r => r.IntOrString(1, 0).IntOrString(2, "25%")))
                .Int(6, 10)
                .Bool(7, false)
                .Int(9, 600))
            .Message(3, st => st
                .Int(1, 1).Int(2, 3).Int(3, 3).Int(7, 3).Int(4, 3).Int(5, 0)
                .Message(6, c => c.String(1, "Available").String(2, "True").Time(6, Noon).Time(7, Noon)
                    .String(4, "MinimumReplicasAvailable").String(5, "Deployment has minimum availability."))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "apps/v1", "kind": "Deployment",
              "metadata": { "name": "web" },
              "spec": {
                "replicas": 3,
                "strategy": { "type": "RollingUpdate", "rollingUpdate": { "maxUnavailable": 0, "maxSurge": "25%" } },
                "revisionHistoryLimit": 10, "progressDeadlineSeconds": 600
              },
              "status": {
                "observedGeneration": 1, "replicas": 3, "updatedReplicas": 3, "readyReplicas": 3, "availableReplicas": 3,
                "conditions": [ { "type": "Available", "status": "True", "lastUpdateTime": "2024-01-02T03:04:05Z",
                                  "lastTransitionTime": "2024-01-02T03:04:05Z", "reason": "MinimumReplicasAvailable",
                                  "message": "Deployment has minimum availability." } ]
              }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_ServiceWithLoadBalancerStatus_WritesIngress()
    {
        var body = ProtoWriter.Envelope("v1", "Service", s => s
            .Message(1, m => m.String(1, "lb"))
            .Message(2, spec => spec
                .Message(1, p => p.String(1, "http").String(2, "TCP").Int(3, 80).IntOrString(4, 8080).Int(5, 30080))
                .String(4, "LoadBalancer")
                .String(3, "10.96.0.10")
                .String(18, "10.96.0.10")
                .String(11, "Cluster"))
            .Message(3, st => st.Message(1, lb => lb
                .Message(1, i => i.String(1, "203.0.113.10").String(2, string.Empty).String(3, "VIP")
                    .Message(4, p => p.Int(1, 80).String(2, "TCP"))))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "Service",
              "metadata": { "name": "lb" },
              "spec": {
                "ports": [ { "name": "http", "protocol": "TCP", "port": 80, "targetPort": 8080, "nodePort": 30080 } ],
                "type": "LoadBalancer", "clusterIP": "10.96.0.10", "clusterIPs": [ "10.96.0.10" ], "externalTrafficPolicy": "Cluster"
              },
              "status": { "loadBalancer": { "ingress": [ { "ip": "203.0.113.10", "ipMode": "VIP",
                                                           "ports": [ { "port": 80, "protocol": "TCP" } ] } ] } }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_LimitRange_WritesEveryQuantityMap()
    {
        var body = ProtoWriter.Envelope("v1", "LimitRange", l => l
            .Message(1, m => m.String(1, "limits"))
            .Message(2, spec => spec.Message(1, item => item
                .String(1, "Container")
                .QuantityEntry(2, "cpu", "2")
                .QuantityEntry(3, "cpu", "10m")
                .QuantityEntry(4, "memory", "512Mi")
                .QuantityEntry(5, "memory", "256Mi")
                .QuantityEntry(6, "cpu", "4"))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            {
              "apiVersion": "v1", "kind": "LimitRange",
              "metadata": { "name": "limits" },
              "spec": { "limits": [ { "type": "Container", "max": { "cpu": "2" }, "min": { "cpu": "10m" },
                                      "default": { "memory": "512Mi" }, "defaultRequest": { "memory": "256Mi" },
                                      "maxLimitRequestRatio": { "cpu": "4" } } ] }
            }
            """,
            json);
    }

    [Fact]
    public void Decode_ResourceQuotaStatus_WritesHardAndUsed()
    {
        var body = ProtoWriter.Envelope("v1", "ResourceQuota", q => q
            .Message(1, m => m.String(1, "q"))
            .Message(2, spec => spec.QuantityEntry(1, "pods", "10"))
            .Message(3, st => st.QuantityEntry(1, "pods", "10").QuantityEntry(2, "pods", "3")));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            { "apiVersion": "v1", "kind": "ResourceQuota", "metadata": { "name": "q" },
              "spec": { "hard": { "pods": "10" } }, "status": { "hard": { "pods": "10" }, "used": { "pods": "3" } } }
            """,
            json);
    }

    [Fact]
    public void Decode_SecretWithStringDataAndEmptyValue_KeepsEmptyEntriesAndImmutable()
    {
        var body = ProtoWriter.Envelope("v1", "Secret", s => s
            .Message(1, m => m.String(1, "s"))
            .Bool(5, true)
            .Message(2, e => e.String(1, "token").Bytes(2, [0xde, 0xad, 0xbe, 0xef]))
            .Message(2, e => e.String(1, "empty"))
            .Entry(4, "plain", "text")
            .String(3, "Opaque"));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            { "apiVersion": "v1", "kind": "Secret", "metadata": { "name": "s" }, "immutable": true,
              "data": { "token": "3q2+7w==", "empty": "" }, "stringData": { "plain": "text" }, "type": "Opaque" }
            """,
            json);
    }

    [Fact]
    public void Decode_ManagedFields_WritesFieldsV1AsJson()
    {
        var body = ProtoWriter.Envelope("v1", "ConfigMap", c => c
            .Message(1, m => m
                .String(1, "c")
                .Int(10, 30)
                .Message(17, f => f
                    .String(1, "kubectl-create").String(2, "Update").String(3, "v1").Time(4, Noon).String(6, "FieldsV1")
                    .Message(7, raw => raw.Bytes(1, """{"f:data":{".":{},"f:x":{}}}"""u8.ToArray())))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            { "apiVersion": "v1", "kind": "ConfigMap",
              "metadata": { "name": "c", "deletionGracePeriodSeconds": 30,
                            "managedFields": [ { "manager": "kubectl-create", "operation": "Update", "apiVersion": "v1",
                                                 "time": "2024-01-02T03:04:05Z", "fieldsType": "FieldsV1",
                                                 "fieldsV1": { "f:data": { ".": {}, "f:x": {} } } } ] } }
            """,
            json);
    }

    [Fact]
    public void Decode_PodSpecScalars_ReadsNegativeAndPackedNumbers()
    {
        // supplementalGroups is written unpacked by Go; a packed run must decode to the same list.
        var body = ProtoWriter.Envelope("v1", "Pod", p => p
            .Message(1, m => m.String(1, "p"))
            .Message(2, spec => spec
                .Message(14, sc => sc.Int(2, 0).Bytes(4, [0x01, 0x02, 0xE8, 0x07]).Int(5, 2000))
                .Int(25, -5)));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "p" },
              "spec": { "securityContext": { "runAsUser": 0, "supplementalGroups": [ 1, 2, 1000 ], "fsGroup": 2000 }, "priority": -5 } }
            """,
            json);
    }

    [Fact]
    public void Decode_VolumeWithSourceFields_MergesSourceIntoVolumeObject()
    {
        var body = ProtoWriter.Envelope("v1", "Pod", p => p
            .Message(1, m => m.String(1, "p"))
            .Message(2, spec => spec
                .Message(1, v => v.String(1, "logs").Message(2, src => src.Message(1, h => h.String(1, "/var/log").String(2, "Directory"))))
                .Message(1, v => v.String(1, "tmp").Message(2, src => src.Message(2, e => e.String(1, string.Empty))))));

        var json = KubernetesProtobuf.Decode(body);

        JsonAssert.Equal(
            """
            { "apiVersion": "v1", "kind": "Pod", "metadata": { "name": "p" },
              "spec": { "volumes": [ { "name": "logs", "hostPath": { "path": "/var/log", "type": "Directory" } },
                                     { "name": "tmp", "emptyDir": {} } ] } }
            """,
            json);
    }
}
