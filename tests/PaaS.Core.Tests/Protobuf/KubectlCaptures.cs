namespace PaaS.Core.Tests.Protobuf;

/// <summary>
/// Request bodies that kubectl 1.32.4 really sent (recorded by a throwaway fake API server), each with the JSON the
/// same command produces with <c>--dry-run=client -o json</c>, minus the <c>null</c>s Go writes for unset fields.
/// </summary>
/// <remarks>
/// The bodies are also kept as <c>Fixtures/*.bin</c> for hex dumps; they are embedded here because the test project
/// copies no data files to its output. <see cref="Convert.FromBase64String(string)"/> ignores the line breaks.
/// The pod comes from <c>kubectl debug --copy-to</c>, the one kubectl command that protobuf-encodes a whole pod spec:
/// its JSON is the pod the fake server handed out, with the name and image that debug changed.
/// SelfSubjectAccessReview has no dry-run form; its JSON is what Go writes for the same struct.
/// </remarks>
internal static class KubectlCaptures
{
    public static readonly KubectlCapture Namespace = new(
        "kubectl create namespace demo",
        """
        azhzAAoPCgJ2MRIJTmFtZXNwYWNlEhwKFAoEZGVtbxIAGgAiACoAMgA4AEIAEgAaAgoAGgAiAA==
        """,
        """
        {
          "kind": "Namespace",
          "apiVersion": "v1",
          "metadata": {
            "name": "demo"
          },
          "spec": {},
          "status": {}
        }
        """);

    public static readonly KubectlCapture Deployment = new(
        "kubectl create deployment web --image=paas/hello:1 --replicas=0 --port=8080 -n demo",
        """
        azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EsQBCiMKA3dlYhIAGgRkZW1vIgAqADIAOABCAFoKCgNhcHASA3dlYhKOAQgAEgwK
        CgoDYXBwEgN3ZWIadAocCgASABoAIgAqADIAOABCAFoKCgNhcHASA3dlYhJUEjYKBWhlbGxvEgxwYWFzL2hlbGxvOjEqADILCgAQ
        ABiQPyIAKgBCAGoAcgCAAQCIAQCQAQCiAQAaADIAQgBKAFIAWABgAGgAggEAigEAmgEAwgEAIgIKACgAOAAaDAgAEAAYACAAKAA4
        ABoAIgA=
        """,
        """
        {
          "kind": "Deployment",
          "apiVersion": "apps/v1",
          "metadata": {
            "name": "web",
            "namespace": "demo",
            "labels": {
              "app": "web"
            }
          },
          "spec": {
            "replicas": 0,
            "selector": {
              "matchLabels": {
                "app": "web"
              }
            },
            "template": {
              "metadata": {
                "labels": {
                  "app": "web"
                }
              },
              "spec": {
                "containers": [
                  {
                    "name": "hello",
                    "image": "paas/hello:1",
                    "ports": [
                      {
                        "containerPort": 8080
                      }
                    ],
                    "resources": {}
                  }
                ]
              }
            },
            "strategy": {}
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture DeploymentTwoImages = new(
        "kubectl create deployment two --image=a --image=b",
        """
        azhzAAoVCgdhcHBzL3YxEgpEZXBsb3ltZW50EsABCh8KA3R3bxIAGgAiACoAMgA4AEIAWgoKA2FwcBIDdHdvEo4BCAESDAoKCgNh
        cHASA3R3bxp0ChwKABIAGgAiACoAMgA4AEIAWgoKA2FwcBIDdHdvElQSGgoBYRIBYSoAQgBqAHIAgAEAiAEAkAEAogEAEhoKAWIS
        AWIqAEIAagByAIABAIgBAJABAKIBABoAMgBCAEoAUgBYAGAAaACCAQCKAQCaAQDCAQAiAgoAKAA4ABoMCAAQABgAIAAoADgAGgAi
        AA==
        """,
        """
        {
          "kind": "Deployment",
          "apiVersion": "apps/v1",
          "metadata": {
            "name": "two",
            "labels": {
              "app": "two"
            }
          },
          "spec": {
            "replicas": 1,
            "selector": {
              "matchLabels": {
                "app": "two"
              }
            },
            "template": {
              "metadata": {
                "labels": {
                  "app": "two"
                }
              },
              "spec": {
                "containers": [
                  {
                    "name": "a",
                    "image": "a",
                    "resources": {}
                  },
                  {
                    "name": "b",
                    "image": "b",
                    "resources": {}
                  }
                ]
              }
            },
            "strategy": {}
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture ServiceClusterIp = new(
        "kubectl create service clusterip my-svc --tcp=80:8080",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJyCiUKBm15LXN2YxIAGgAiACoAMgA4AEIAWg0KA2FwcBIGbXktc3ZjEkUKGwoHODAtODA4MBID
        VENQGFAiBwgAEJA/GgAoABINCgNhcHASBm15LXN2YxoAIglDbHVzdGVySVA6AEIAUgBaAGAAaAAaAgoAGgAiAA==
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "my-svc",
            "labels": {
              "app": "my-svc"
            }
          },
          "spec": {
            "ports": [
              {
                "name": "80-8080",
                "protocol": "TCP",
                "port": 80,
                "targetPort": 8080
              }
            ],
            "selector": {
              "app": "my-svc"
            },
            "type": "ClusterIP"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture ServiceNodePort = new(
        "kubectl create service nodeport np --tcp=5678:8080",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJoCh0KAm5wEgAaACIAKgAyADgAQgBaCQoDYXBwEgJucBJDCh4KCTU2NzgtODA4MBIDVENQGK4s
        IgcIABCQPxoAKAASCQoDYXBwEgJucBoAIghOb2RlUG9ydDoAQgBSAFoAYABoABoCCgAaACIA
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "np",
            "labels": {
              "app": "np"
            }
          },
          "spec": {
            "ports": [
              {
                "name": "5678-8080",
                "protocol": "TCP",
                "port": 5678,
                "targetPort": 8080
              }
            ],
            "selector": {
              "app": "np"
            },
            "type": "NodePort"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture ServiceLoadBalancer = new(
        "kubectl create service loadbalancer lb --tcp=80:http",
        """
        azhzAAoNCgJ2MRIHU2VydmljZRJsCh0KAmxiEgAaACIAKgAyADgAQgBaCQoDYXBwEgJsYhJHCh4KBzgwLWh0dHASA1RDUBhQIgoI
        ARAAGgRodHRwKAASCQoDYXBwEgJsYhoAIgxMb2FkQmFsYW5jZXI6AEIAUgBaAGAAaAAaAgoAGgAiAA==
        """,
        """
        {
          "kind": "Service",
          "apiVersion": "v1",
          "metadata": {
            "name": "lb",
            "labels": {
              "app": "lb"
            }
          },
          "spec": {
            "ports": [
              {
                "name": "80-http",
                "protocol": "TCP",
                "port": 80,
                "targetPort": "http"
              }
            ],
            "selector": {
              "app": "lb"
            },
            "type": "LoadBalancer"
          },
          "status": {
            "loadBalancer": {}
          }
        }
        """);

    public static readonly KubectlCapture SecretGeneric = new(
        "kubectl create secret generic s --from-literal=a=b",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0Eh0KEQoBcxIAGgAiACoAMgA4AEIAEgYKAWESAWIaABoAIgA=
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "s"
          },
          "data": {
            "a": "Yg=="
          }
        }
        """);

    public static readonly KubectlCapture SecretDockerRegistry = new(
        "kubectl create secret docker-registry reg --docker-server=r.example --docker-username=u --docker-password=p",
        """
        azhzAAoMCgJ2MRIGU2VjcmV0EpEBChMKA3JlZxIAGgAiACoAMgA4AEIAEloKES5kb2NrZXJjb25maWdqc29uEkV7ImF1dGhzIjp7
        InIuZXhhbXBsZSI6eyJ1c2VybmFtZSI6InUiLCJwYXNzd29yZCI6InAiLCJhdXRoIjoiZFRwdyJ9fX0aHmt1YmVybmV0ZXMuaW8v
        ZG9ja2VyY29uZmlnanNvbhoAIgA=
        """,
        """
        {
          "kind": "Secret",
          "apiVersion": "v1",
          "metadata": {
            "name": "reg"
          },
          "data": {
            ".dockerconfigjson": "eyJhdXRocyI6eyJyLmV4YW1wbGUiOnsidXNlcm5hbWUiOiJ1IiwicGFzc3dvcmQiOiJwIiwiYXV0aCI6ImRUcHcifX19"
          },
          "type": "kubernetes.io/dockerconfigjson"
        }
        """);

    public static readonly KubectlCapture ConfigMap = new(
        "kubectl create configmap c --from-literal=x=y",
        """
        azhzAAoPCgJ2MRIJQ29uZmlnTWFwEhsKEQoBYxIAGgAiACoAMgA4AEIAEgYKAXgSAXkaACIA
        """,
        """
        {
          "kind": "ConfigMap",
          "apiVersion": "v1",
          "metadata": {
            "name": "c"
          },
          "data": {
            "x": "y"
          }
        }
        """);

    public static readonly KubectlCapture ConfigMapFromFiles = new(
        "kubectl create configmap files --from-file=bin.dat --from-file=text.txt --from-literal=k=v (bin.dat = 00 01 fe ff, text.txt = \"hello\\n\")",
        """
        azhzAAoPCgJ2MRIJQ29uZmlnTWFwEkQKFQoFZmlsZXMSABoAIgAqADIAOABCABIGCgFrEgF2EhIKCHRleHQudHh0EgZoZWxsbwoa
        DwoHYmluLmRhdBIEAAH+/xoAIgA=
        """,
        """
        {
          "kind": "ConfigMap",
          "apiVersion": "v1",
          "metadata": {
            "name": "files"
          },
          "data": {
            "k": "v",
            "text.txt": "hello\n"
          },
          "binaryData": {
            "bin.dat": "AAH+/w=="
          }
        }
        """);

    public static readonly KubectlCapture Quota = new(
        "kubectl create quota q --hard=cpu=1,memory=1G,pods=2,services=3 --scopes=BestEffort",
        """
        azhzAAoTCgJ2MRINUmVzb3VyY2VRdW90YRJdChEKAXESABoAIgAqADIAOABCABJGCgoKA2NwdRIDCgExCg4KBm1lbW9yeRIECgIx
        RwoLCgRwb2RzEgMKATIKDwoIc2VydmljZXMSAwoBMxIKQmVzdEVmZm9ydBoAGgAiAA==
        """,
        """
        {
          "kind": "ResourceQuota",
          "apiVersion": "v1",
          "metadata": {
            "name": "q"
          },
          "spec": {
            "hard": {
              "cpu": "1",
              "memory": "1G",
              "pods": "2",
              "services": "3"
            },
            "scopes": [
              "BestEffort"
            ]
          },
          "status": {}
        }
        """);

    public static readonly KubectlCapture AuthCanI = new(
        "kubectl auth can-i create deployments.apps -n demo",
        """
        azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSRwoQCgASABoAIgAqADIAOABC
        ABIpCicKBGRlbW8SBmNyZWF0ZRoEYXBwcyIAKgtkZXBsb3ltZW50czIAOgAaCAgAEgAaACAAGgAiAA==
        """,
        """
        {
          "apiVersion": "authorization.k8s.io/v1",
          "kind": "SelfSubjectAccessReview",
          "metadata": {},
          "spec": {
            "resourceAttributes": {
              "namespace": "demo",
              "verb": "create",
              "group": "apps",
              "resource": "deployments"
            }
          },
          "status": {
            "allowed": false
          }
        }
        """);

    public static readonly KubectlCapture AuthCanINonResource = new(
        "kubectl auth can-i get /healthz",
        """
        azhzAAoyChdhdXRob3JpemF0aW9uLms4cy5pby92MRIXU2VsZlN1YmplY3RBY2Nlc3NSZXZpZXcSLwoQCgASABoAIgAqADIAOABC
        ABIREg8KCC9oZWFsdGh6EgNnZXQaCAgAEgAaACAAGgAiAA==
        """,
        """
        {
          "apiVersion": "authorization.k8s.io/v1",
          "kind": "SelfSubjectAccessReview",
          "metadata": {},
          "spec": {
            "nonResourceAttributes": {
              "path": "/healthz",
              "verb": "get"
            }
          },
          "status": {
            "allowed": false
          }
        }
        """);

    public static readonly KubectlCapture DebugCopyPod = new(
        "kubectl debug rich -n demo --copy-to=rich-copy --set-image=app=paas/debug:1 --keep-labels --keep-annotations --keep-liveness --keep-readiness --keep-startup --same-node",
        """
        azhzAAoJCgJ2MRIDUG9kEqMOCkYKCXJpY2gtY29weRIAGgRkZW1vIgAqADIAOABCAFoLCgNhcHASBHJpY2haCQoFZW1wdHkSAGIP
        CgRub3RlEgdrZWVwIG1lEsYNChYKBGRhdGESDlIMCghkYXRhLXB2YxABCioKA2NmZxIjmgEgCgoKCHNldHRpbmdzEg0KAWESBWEu
        dHh0GKQDGKQCIAEKHwoEaG9zdBIXChUKCC92YXIvbG9nEglEaXJlY3RvcnkKHQoHc2NyYXRjaBISEhAKBk1lbW9yeRIGCgQ2NE1p
        Cg0KBXBsYWluEgQSAgoAChMKA3NlYxIMMgoKBWNyZWRzGIACCkwKBGluZm8SRIIBQQodCgZsYWJlbHMSEwoAEg9tZXRhZGF0YS5s
        YWJlbHMKIAoDbWVtGhkKA2FwcBINbGltaXRzLm1lbW9yeRoDCgEwCnAKBHByb2oSaNIBZQoRIg8KA2FwaRCQHBoFdG9rZW4KDhoM
        CgoKCHNldHRpbmdzChsKGQoHCgVjcmVkcxIOCghwYXNzd29yZBICcHcKIBIeChwKAm5zEhYKABISbWV0YWRhdGEubmFtZXNwYWNl
        EKQDEvIFCgNhcHASDHBhYXMvZGVidWc6MRoEL2FwcCILLS1wb3J0PTgwODAqBC9zcnYyEgoEaHR0cBAAGJA/IgNUQ1AqADIgCgdt
        ZXRyaWNzEJKVARiCRyIDVURQKgkxMjcuMC4wLjE6CgoFUExBSU4SAXY6CQoFRU1QVFkSADojCghQT0RfTkFNRRIAGhUKEwoCdjES
        DW1ldGFkYXRhLm5hbWU6KAoJQ1BVX0xJTUlUEgAaGRIXCgNhcHASCmxpbWl0cy5jcHUaBAoCMW06IAoHRlJPTV9DTRIAGhMaEQoK
        CghzZXR0aW5ncxIBaxgAOiYKC0ZST01fU0VDUkVUEgAaFSITCgcKBWNyZWRzEghwYXNzd29yZEJbCg0KA2NwdRIGCgQ1MDBtChEK
        Bm1lbW9yeRIHCgUyNTZNaQoVCg5udmlkaWEuY29tL2dwdRIDCgExEg0KA2NwdRIGCgQyNTBtEhEKBm1lbW9yeRIHCgUxMjhNaUon
        CgRkYXRhEAEaBS9kYXRhIgNzdWIqD0hvc3RUb0NvbnRhaW5lcjIAShUKA2NmZxAAGggvZXRjL2NmZyIAMgBSUwpFEkMKCC9oZWFs
        dGh6EgoIARAAGgRodHRwGglsb2NhbGhvc3QiBUhUVFBTKgwKB1gtUHJvYmUSATEqCwoHWC1FbXB0eRIAEAUYAiAKKAEwAzgAWhkK
        DRoLCgcIABCQPxoAEgAQABgAIAMoADAAYhUKDQoLCgkvYmluL3RydWUSBCICCAVqFC9kZXYvdGVybWluYXRpb24tbG9ncgxJZk5v
        dFByZXNlbnR6MQoQCglORVRfQURNSU4SA0FMTBAAIOgHKAEwATgAQABaEAoOUnVudGltZURlZmF1bHSAAQGIAQCQAQGaARUKA0NN
        XxIOCgoKCHNldHRpbmdzEAGaAQ0KABoJCgcKBWNyZWRzogEVRmFsbGJhY2tUb0xvZ3NPbkVycm9ysgEZCg0iCwioRhIGaGVhbHRo
        EAAYACAAKAAwHhoGQWx3YXlzIAAo2AQyDENsdXN0ZXJGaXJzdDoPCghkaXNrdHlwZRIDc3NkQgZydW5uZXJKAFIGbm9kZS0xWAFg
        AGgBcjsQ6AcgoB8giCco0A8wuBc6GgoSbmV0LmNvcmUuc29tYXhjb25uEgQxMDI0Sg5PblJvb3RNaXNtYXRjaHoJCgdyZWdjcmVk
        ggEJcmljaC1ob3N0igEDc3VikgFdCiwKFAoSChAKBHpvbmUSAkluGgFhGgFiEhQIChIQCg4KBGZhc3QSBkV4aXN0cxotEisIZBIn
        Cg0KCwoDYXBwEgRyaWNoGhZrdWJlcm5ldGVzLmlvL2hvc3RuYW1lmgERZGVmYXVsdC1zY2hlZHVsZXKiAU8KBGluaXQSCWJ1c3li
        b3g6MRoCc2gaAi1jIgdlY2hvIGhpIgAqAEIOEgwKA2NwdRIFCgMxMG1qAHIAgAEAiAEAkAEAogEAwgEGQWx3YXlzqAEAsgEjCglk
        ZWRpY2F0ZWQSBUVxdWFsGgNncHUiCk5vU2NoZWR1bGWyARkKABIGRXhpc3RzGgAiCU5vRXhlY3V0ZSgeugEUCggxMC4wLjAuMRII
        ZGIubG9jYWzCAQRoaWdoyAHoB9IBKQoHMS4xLjEuMRIJc3ZjLmxvY2FsGgoKBW5kb3RzEgEyGgcKBWVkbnMw2AEB4gETChFleGFt
        cGxlLmNvbS9yZWFkeeoBBHJ1bmPwAQD6AQVOZXZlcoICDQoDY3B1EgYKBDEwMG2KAioIARIEem9uZRoNRG9Ob3RTY2hlZHVsZSIR
        Eg8KA2FwcBICSW4aBHJpY2iiAgcKBWxpbnV4GhAKABoAIgAqADIASgBaAHIAGgAiAA==
        """,
        """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {
            "name": "rich-copy",
            "namespace": "demo",
            "labels": {
              "app": "rich",
              "empty": ""
            },
            "annotations": {
              "note": "keep me"
            }
          },
          "spec": {
            "initContainers": [
              {
                "name": "init",
                "image": "busybox:1",
                "command": [
                  "sh",
                  "-c"
                ],
                "args": [
                  "echo hi",
                  ""
                ],
                "restartPolicy": "Always",
                "resources": {
                  "requests": {
                    "cpu": "10m"
                  }
                }
              }
            ],
            "containers": [
              {
                "name": "app",
                "image": "paas/debug:1",
                "command": [
                  "/app"
                ],
                "args": [
                  "--port=8080"
                ],
                "workingDir": "/srv",
                "ports": [
                  {
                    "name": "http",
                    "containerPort": 8080,
                    "protocol": "TCP"
                  },
                  {
                    "name": "metrics",
                    "containerPort": 9090,
                    "hostPort": 19090,
                    "hostIP": "127.0.0.1",
                    "protocol": "UDP"
                  }
                ],
                "envFrom": [
                  {
                    "prefix": "CM_",
                    "configMapRef": {
                      "name": "settings",
                      "optional": true
                    }
                  },
                  {
                    "secretRef": {
                      "name": "creds"
                    }
                  }
                ],
                "env": [
                  {
                    "name": "PLAIN",
                    "value": "v"
                  },
                  {
                    "name": "EMPTY"
                  },
                  {
                    "name": "POD_NAME",
                    "valueFrom": {
                      "fieldRef": {
                        "apiVersion": "v1",
                        "fieldPath": "metadata.name"
                      }
                    }
                  },
                  {
                    "name": "CPU_LIMIT",
                    "valueFrom": {
                      "resourceFieldRef": {
                        "containerName": "app",
                        "resource": "limits.cpu",
                        "divisor": "1m"
                      }
                    }
                  },
                  {
                    "name": "FROM_CM",
                    "valueFrom": {
                      "configMapKeyRef": {
                        "name": "settings",
                        "key": "k",
                        "optional": false
                      }
                    }
                  },
                  {
                    "name": "FROM_SECRET",
                    "valueFrom": {
                      "secretKeyRef": {
                        "name": "creds",
                        "key": "password"
                      }
                    }
                  }
                ],
                "resources": {
                  "limits": {
                    "cpu": "500m",
                    "memory": "256Mi",
                    "nvidia.com/gpu": "1"
                  },
                  "requests": {
                    "cpu": "250m",
                    "memory": "128Mi"
                  }
                },
                "volumeMounts": [
                  {
                    "name": "data",
                    "mountPath": "/data",
                    "subPath": "sub",
                    "readOnly": true,
                    "mountPropagation": "HostToContainer"
                  },
                  {
                    "name": "cfg",
                    "mountPath": "/etc/cfg"
                  }
                ],
                "livenessProbe": {
                  "httpGet": {
                    "path": "/healthz",
                    "port": "http",
                    "scheme": "HTTPS",
                    "host": "localhost",
                    "httpHeaders": [
                      {
                        "name": "X-Probe",
                        "value": "1"
                      },
                      {
                        "name": "X-Empty",
                        "value": ""
                      }
                    ]
                  },
                  "initialDelaySeconds": 5,
                  "timeoutSeconds": 2,
                  "periodSeconds": 10,
                  "successThreshold": 1,
                  "failureThreshold": 3,
                  "terminationGracePeriodSeconds": 0
                },
                "readinessProbe": {
                  "tcpSocket": {
                    "port": 8080
                  },
                  "periodSeconds": 3
                },
                "startupProbe": {
                  "grpc": {
                    "port": 9000,
                    "service": "health"
                  },
                  "failureThreshold": 30
                },
                "lifecycle": {
                  "postStart": {
                    "exec": {
                      "command": [
                        "/bin/true"
                      ]
                    }
                  },
                  "preStop": {
                    "sleep": {
                      "seconds": 5
                    }
                  }
                },
                "terminationMessagePath": "/dev/termination-log",
                "terminationMessagePolicy": "FallbackToLogsOnError",
                "imagePullPolicy": "IfNotPresent",
                "securityContext": {
                  "capabilities": {
                    "add": [
                      "NET_ADMIN"
                    ],
                    "drop": [
                      "ALL"
                    ]
                  },
                  "privileged": false,
                  "runAsUser": 1000,
                  "runAsGroup": 0,
                  "runAsNonRoot": true,
                  "readOnlyRootFilesystem": true,
                  "allowPrivilegeEscalation": false,
                  "seccompProfile": {
                    "type": "RuntimeDefault"
                  }
                },
                "stdin": true,
                "tty": true
              }
            ],
            "volumes": [
              {
                "name": "data",
                "persistentVolumeClaim": {
                  "claimName": "data-pvc",
                  "readOnly": true
                }
              },
              {
                "name": "cfg",
                "configMap": {
                  "name": "settings",
                  "items": [
                    {
                      "key": "a",
                      "path": "a.txt",
                      "mode": 420
                    }
                  ],
                  "defaultMode": 292,
                  "optional": true
                }
              },
              {
                "name": "host",
                "hostPath": {
                  "path": "/var/log",
                  "type": "Directory"
                }
              },
              {
                "name": "scratch",
                "emptyDir": {
                  "medium": "Memory",
                  "sizeLimit": "64Mi"
                }
              },
              {
                "name": "plain",
                "emptyDir": {}
              },
              {
                "name": "sec",
                "secret": {
                  "secretName": "creds",
                  "defaultMode": 256
                }
              },
              {
                "name": "info",
                "downwardAPI": {
                  "items": [
                    {
                      "path": "labels",
                      "fieldRef": {
                        "fieldPath": "metadata.labels"
                      }
                    },
                    {
                      "path": "mem",
                      "resourceFieldRef": {
                        "containerName": "app",
                        "resource": "limits.memory",
                        "divisor": "0"
                      }
                    }
                  ]
                }
              },
              {
                "name": "proj",
                "projected": {
                  "sources": [
                    {
                      "serviceAccountToken": {
                        "audience": "api",
                        "expirationSeconds": 3600,
                        "path": "token"
                      }
                    },
                    {
                      "configMap": {
                        "name": "settings"
                      }
                    },
                    {
                      "secret": {
                        "name": "creds",
                        "items": [
                          {
                            "key": "password",
                            "path": "pw"
                          }
                        ]
                      }
                    },
                    {
                      "downwardAPI": {
                        "items": [
                          {
                            "path": "ns",
                            "fieldRef": {
                              "fieldPath": "metadata.namespace"
                            }
                          }
                        ]
                      }
                    }
                  ],
                  "defaultMode": 420
                }
              }
            ],
            "restartPolicy": "Always",
            "terminationGracePeriodSeconds": 0,
            "activeDeadlineSeconds": 600,
            "dnsPolicy": "ClusterFirst",
            "nodeSelector": {
              "disktype": "ssd"
            },
            "serviceAccountName": "runner",
            "automountServiceAccountToken": false,
            "nodeName": "node-1",
            "hostNetwork": true,
            "hostIPC": true,
            "shareProcessNamespace": true,
            "securityContext": {
              "runAsUser": 1000,
              "runAsGroup": 3000,
              "fsGroup": 2000,
              "supplementalGroups": [
                4000,
                5000
              ],
              "sysctls": [
                {
                  "name": "net.core.somaxconn",
                  "value": "1024"
                }
              ],
              "fsGroupChangePolicy": "OnRootMismatch"
            },
            "imagePullSecrets": [
              {
                "name": "regcred"
              }
            ],
            "hostname": "rich-host",
            "subdomain": "sub",
            "affinity": {
              "nodeAffinity": {
                "requiredDuringSchedulingIgnoredDuringExecution": {
                  "nodeSelectorTerms": [
                    {
                      "matchExpressions": [
                        {
                          "key": "zone",
                          "operator": "In",
                          "values": [
                            "a",
                            "b"
                          ]
                        }
                      ]
                    }
                  ]
                },
                "preferredDuringSchedulingIgnoredDuringExecution": [
                  {
                    "weight": 10,
                    "preference": {
                      "matchExpressions": [
                        {
                          "key": "fast",
                          "operator": "Exists"
                        }
                      ]
                    }
                  }
                ]
              },
              "podAntiAffinity": {
                "preferredDuringSchedulingIgnoredDuringExecution": [
                  {
                    "weight": 100,
                    "podAffinityTerm": {
                      "labelSelector": {
                        "matchLabels": {
                          "app": "rich"
                        }
                      },
                      "topologyKey": "kubernetes.io/hostname"
                    }
                  }
                ]
              }
            },
            "schedulerName": "default-scheduler",
            "tolerations": [
              {
                "key": "dedicated",
                "operator": "Equal",
                "value": "gpu",
                "effect": "NoSchedule"
              },
              {
                "operator": "Exists",
                "effect": "NoExecute",
                "tolerationSeconds": 30
              }
            ],
            "hostAliases": [
              {
                "ip": "10.0.0.1",
                "hostnames": [
                  "db.local"
                ]
              }
            ],
            "priorityClassName": "high",
            "priority": 1000,
            "dnsConfig": {
              "nameservers": [
                "1.1.1.1"
              ],
              "searches": [
                "svc.local"
              ],
              "options": [
                {
                  "name": "ndots",
                  "value": "2"
                },
                {
                  "name": "edns0"
                }
              ]
            },
            "readinessGates": [
              {
                "conditionType": "example.com/ready"
              }
            ],
            "runtimeClassName": "runc",
            "enableServiceLinks": false,
            "preemptionPolicy": "Never",
            "overhead": {
              "cpu": "100m"
            },
            "topologySpreadConstraints": [
              {
                "maxSkew": 1,
                "topologyKey": "zone",
                "whenUnsatisfiable": "DoNotSchedule",
                "labelSelector": {
                  "matchExpressions": [
                    {
                      "key": "app",
                      "operator": "In",
                      "values": [
                        "rich"
                      ]
                    }
                  ]
                }
              }
            ],
            "os": {
              "name": "linux"
            }
          },
          "status": {}
        }
        """);

    public static IReadOnlyDictionary<string, KubectlCapture> ByName { get; } = new Dictionary<string, KubectlCapture>
    {
        [nameof(Namespace)] = Namespace,
        [nameof(Deployment)] = Deployment,
        [nameof(DeploymentTwoImages)] = DeploymentTwoImages,
        [nameof(ServiceClusterIp)] = ServiceClusterIp,
        [nameof(ServiceNodePort)] = ServiceNodePort,
        [nameof(ServiceLoadBalancer)] = ServiceLoadBalancer,
        [nameof(SecretGeneric)] = SecretGeneric,
        [nameof(SecretDockerRegistry)] = SecretDockerRegistry,
        [nameof(ConfigMap)] = ConfigMap,
        [nameof(ConfigMapFromFiles)] = ConfigMapFromFiles,
        [nameof(Quota)] = Quota,
        [nameof(AuthCanI)] = AuthCanI,
        [nameof(AuthCanINonResource)] = AuthCanINonResource,
        [nameof(DebugCopyPod)] = DebugCopyPod,
        [nameof(KubectlTenancyCaptures.QuotaPodsAndCpu)] = KubectlTenancyCaptures.QuotaPodsAndCpu,
        [nameof(KubectlTenancyCaptures.SecretTls)] = KubectlTenancyCaptures.SecretTls,
        [nameof(KubectlTenancyCaptures.SecretGenericTwoLiterals)] = KubectlTenancyCaptures.SecretGenericTwoLiterals,
        [nameof(KubectlTenancyCaptures.ConfigMapTwoLiterals)] = KubectlTenancyCaptures.ConfigMapTwoLiterals,
    };
}
