namespace PaaS.Core.Tests.Patching;

/// <summary>
/// The live objects a throwaway fake API server handed kubectl 1.32.4 before it sent the patches in
/// <see cref="KubectlPatchCases"/>: what kubectl read is what it computed its patches against.
/// </summary>
internal static class KubectlLiveObjects
{
    /// <summary>The guestbook's frontend Deployment after the first <c>kubectl apply</c>, with the defaults and status a real API server adds.</summary>
    public const string FrontendDeployment =
        """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "annotations": {
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"frontend\",\"namespace\":\"default\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"guestbook\",\"tier\":\"frontend\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"guestbook\",\"tier\":\"frontend\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"GET_HOSTS_FROM\",\"value\":\"dns\"}],\"image\":\"gcr.io/google-samples/gb-frontend:v5\",\"name\":\"php-redis\",\"ports\":[{\"containerPort\":80}],\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"100Mi\"}}}]}}}}\n"
            },
            "name": "frontend",
            "namespace": "default",
            "uid": "148354ee-ff40-427d-aa9b-6ee163448c87",
            "resourceVersion": "1",
            "generation": 1,
            "creationTimestamp": "2025-01-01T00:00:00Z"
          },
          "spec": {
            "replicas": 3,
            "selector": {"matchLabels": {"app": "guestbook", "tier": "frontend"}},
            "template": {
              "metadata": {
                "labels": {"app": "guestbook", "tier": "frontend"},
                "creationTimestamp": null
              },
              "spec": {
                "containers": [
                  {
                    "env": [{"name": "GET_HOSTS_FROM", "value": "dns"}],
                    "image": "gcr.io/google-samples/gb-frontend:v5",
                    "name": "php-redis",
                    "ports": [{"containerPort": 80, "protocol": "TCP"}],
                    "resources": {
                      "requests": {
                        "cpu": "100m",
                        "memory": "100Mi"
                      }
                    },
                    "imagePullPolicy": "IfNotPresent",
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File"
                  }
                ],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "terminationGracePeriodSeconds": 30
              }
            },
            "progressDeadlineSeconds": 600,
            "revisionHistoryLimit": 10,
            "strategy": {
              "type": "RollingUpdate",
              "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}
            }
          },
          "status": {
            "observedGeneration": 1,
            "replicas": 3,
            "readyReplicas": 3,
            "conditions": [
              {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"},
              {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"}
            ]
          }
        }
        """;

    /// <summary>A two-container Deployment (<c>web-v1.yaml</c>) after its first apply, with server defaults and status.</summary>
    public const string WebDeployment =
        """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "annotations": {
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"
            },
            "labels": {"app": "web", "stage": "beta"},
            "name": "web",
            "namespace": "default",
            "uid": "6dd2aaa6-8dc8-4310-a335-9f27061659f0",
            "resourceVersion": "1",
            "generation": 1,
            "creationTimestamp": "2025-01-01T00:00:00Z"
          },
          "spec": {
            "replicas": 2,
            "selector": {"matchLabels": {"app": "web"}},
            "template": {
              "metadata": {"labels": {"app": "web"}, "creationTimestamp": null},
              "spec": {
                "containers": [
                  {
                    "env": [
                      {"name": "A", "value": "1"},
                      {"name": "B", "value": "2"}
                    ],
                    "image": "example/app:1",
                    "name": "app",
                    "ports": [
                      {
                        "containerPort": 8080,
                        "name": "http",
                        "protocol": "TCP"
                      },
                      {
                        "containerPort": 9090,
                        "name": "metrics",
                        "protocol": "TCP"
                      }
                    ],
                    "volumeMounts": [
                      {"mountPath": "/data", "name": "data"},
                      {
                        "mountPath": "/cache",
                        "name": "cache"
                      }
                    ],
                    "imagePullPolicy": "IfNotPresent",
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File"
                  },
                  {
                    "image": "example/sidecar:1",
                    "name": "sidecar",
                    "imagePullPolicy": "IfNotPresent",
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File"
                  }
                ],
                "volumes": [
                  {"emptyDir": {}, "name": "data"},
                  {"emptyDir": {}, "name": "cache"}
                ],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "terminationGracePeriodSeconds": 30
              }
            },
            "progressDeadlineSeconds": 600,
            "revisionHistoryLimit": 10,
            "strategy": {
              "type": "RollingUpdate",
              "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}
            }
          },
          "status": {
            "observedGeneration": 1,
            "replicas": 2,
            "readyReplicas": 2,
            "conditions": [
              {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"},
              {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"}
            ]
          }
        }
        """;

    /// <summary>The Service applied with <c>web-v1.yaml</c>, with server defaults.</summary>
    public const string WebService =
        """
        {
          "apiVersion": "v1",
          "kind": "Service",
          "metadata": {
            "annotations": {
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":8080},{\"name\":\"https\",\"port\":443,\"targetPort\":8443}],\"selector\":{\"app\":\"web\"}}}\n"
            },
            "name": "web",
            "namespace": "default",
            "uid": "7cf96ca6-c779-449b-af92-8ff3a2b32e9f",
            "resourceVersion": "1"
          },
          "spec": {
            "ports": [
              {"name": "http", "port": 80, "targetPort": 8080, "protocol": "TCP"},
              {"name": "https", "port": 443, "targetPort": 8443, "protocol": "TCP"}
            ],
            "selector": {"app": "web"},
            "clusterIP": "10.96.0.20",
            "clusterIPs": ["10.96.0.20"],
            "type": "ClusterIP",
            "sessionAffinity": "None",
            "ipFamilies": ["IPv4"],
            "ipFamilyPolicy": "SingleStack",
            "internalTrafficPolicy": "Cluster"
          },
          "status": {"loadBalancer": {}}
        }
        """;

    /// <summary>A Deployment applied with env A and B, to which <c>kubectl set env</c> then added S.</summary>
    public const string EnvsDeployment =
        """
        {
          "apiVersion": "apps/v1",
          "kind": "Deployment",
          "metadata": {
            "annotations": {
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"envs\",\"namespace\":\"default\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"envs\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"envs\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\"}]}}}}\n"
            },
            "name": "envs",
            "namespace": "default",
            "uid": "db93e403-a87c-4f70-8e0e-c118587362ac",
            "resourceVersion": "1",
            "generation": 1,
            "creationTimestamp": "2025-01-01T00:00:00Z"
          },
          "spec": {
            "selector": {"matchLabels": {"app": "envs"}},
            "template": {
              "metadata": {"labels": {"app": "envs"}, "creationTimestamp": null},
              "spec": {
                "containers": [
                  {
                    "env": [
                      {"name": "A", "value": "1"},
                      {"name": "B", "value": "2"},
                      {"name": "S", "value": "from set env"}
                    ],
                    "image": "example/app:1",
                    "name": "app",
                    "imagePullPolicy": "IfNotPresent",
                    "terminationMessagePath": "/dev/termination-log",
                    "terminationMessagePolicy": "File"
                  }
                ],
                "dnsPolicy": "ClusterFirst",
                "restartPolicy": "Always",
                "schedulerName": "default-scheduler",
                "securityContext": {},
                "terminationGracePeriodSeconds": 30
              }
            },
            "progressDeadlineSeconds": 600,
            "revisionHistoryLimit": 10,
            "strategy": {
              "type": "RollingUpdate",
              "rollingUpdate": {"maxSurge": "25%", "maxUnavailable": "25%"}
            },
            "replicas": 1
          },
          "status": {
            "observedGeneration": 1,
            "replicas": 1,
            "readyReplicas": 1,
            "conditions": [
              {"type": "Available", "status": "True", "reason": "MinimumReplicasAvailable"},
              {"type": "Progressing", "status": "True", "reason": "NewReplicaSetAvailable"}
            ]
          }
        }
        """;

    /// <summary>A Pod applied with two finalizers and a toleration.</summary>
    public const string FinPod =
        """
        {
          "apiVersion": "v1",
          "kind": "Pod",
          "metadata": {
            "annotations": {
              "kubectl.kubernetes.io/last-applied-configuration": "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/a\",\"example.com/b\"],\"name\":\"fin\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"args\":[\"sleep\",\"1\"],\"image\":\"busybox\",\"name\":\"c\"}],\"tolerations\":[{\"key\":\"k1\",\"operator\":\"Exists\"}]}}\n"
            },
            "finalizers": ["example.com/a", "example.com/b"],
            "name": "fin",
            "namespace": "default",
            "uid": "1b9405d4-b1af-4a0d-bbbf-b026c36eb041",
            "resourceVersion": "1"
          },
          "spec": {
            "containers": [{"args": ["sleep", "1"], "image": "busybox", "name": "c"}],
            "tolerations": [{"key": "k1", "operator": "Exists"}]
          }
        }
        """;

    /// <summary>A Node with one taint.</summary>
    public const string Node =
        """
        {
          "apiVersion": "v1",
          "kind": "Node",
          "metadata": {"name": "n1", "uid": "67521a9c-eb05-44c3-bc05-a76f173485c9", "resourceVersion": "1"},
          "spec": {"taints": [{"effect": "NoSchedule", "key": "a", "value": "1"}]}
        }
        """;
}
