using PaaS.Core.Patching;
using PaaS.Core.Resources;

namespace PaaS.Core.Tests.Patching;

/// <summary>
/// PATCH bodies kubectl 1.32.4 really sent (recorded by a throwaway fake API server), each with the object it was
/// computed against and the object Kubernetes' own patch code makes of them (<c>kubectl patch --local</c>, the
/// apimachinery implementation the API server runs), so the expectations are Kubernetes' answers, not ours.
/// </summary>
internal static class KubectlPatchCases
{
    public static readonly KubectlPatchCase ApplyGuestbookFrontend = new(
        "kubectl apply -f guestbook-all-in-one.yaml (frontend: GET_HOSTS_FROM=env, container port 80 removed)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.FrontendDeployment,
        """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"frontend\",\"namespace\":\"default\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"guestbook\",\"tier\":\"frontend\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"guestbook\",\"tier\":\"frontend\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"GET_HOSTS_FROM\",\"value\":\"env\"}],\"image\":\"gcr.io/google-samples/gb-frontend:v5\",\"name\":\"php-redis\",\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"100Mi\"}}}]}}}}\n"}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"php-redis"}],"containers":[{"$setElementOrder/env":[{"name":"GET_HOSTS_FROM"}],"env":[{"name":"GET_HOSTS_FROM","value":"env"}],"name":"php-redis","ports":null}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"frontend\",\"namespace\":\"default\"},\"spec\":{\"replicas\":3,\"selector\":{\"matchLabels\":{\"app\":\"guestbook\",\"tier\":\"frontend\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"guestbook\",\"tier\":\"frontend\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"GET_HOSTS_FROM\",\"value\":\"env\"}],\"image\":\"gcr.io/google-samples/gb-frontend:v5\",\"name\":\"php-redis\",\"resources\":{\"requests\":{\"cpu\":\"100m\",\"memory\":\"100Mi\"}}}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"name":"frontend","namespace":"default","resourceVersion":"1","uid":"148354ee-ff40-427d-aa9b-6ee163448c87"},"spec":{"progressDeadlineSeconds":600,"replicas":3,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"guestbook","tier":"frontend"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"guestbook","tier":"frontend"}},"spec":{"containers":[{"env":[{"name":"GET_HOSTS_FROM","value":"env"}],"image":"gcr.io/google-samples/gb-frontend:v5","imagePullPolicy":"IfNotPresent","name":"php-redis","resources":{"requests":{"cpu":"100m","memory":"100Mi"}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":3,"replicas":3}}
        """);

    public static readonly KubectlPatchCase ApplyWebDeployment = new(
        "kubectl apply -f web-v2.yaml (env C added first, B changed, port 9090, volume cache and container sidecar removed, label stage removed)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"C\",\"value\":\"3\"},{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"}],\"image\":\"example/app:2\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"}]}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"}]}}}}\n"},"labels":{"stage":null}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"}],"$setElementOrder/volumes":[{"name":"data"}],"containers":[{"$setElementOrder/env":[{"name":"C"},{"name":"A"},{"name":"B"}],"$setElementOrder/ports":[{"containerPort":8080}],"$setElementOrder/volumeMounts":[{"mountPath":"/data"}],"env":[{"name":"C","value":"3"},{"name":"B","value":"20"}],"image":"example/app:2","name":"app","ports":[{"$patch":"delete","containerPort":9090}],"volumeMounts":[{"$patch":"delete","mountPath":"/cache"}]},{"$patch":"delete","name":"sidecar"}],"volumes":[{"$patch":"delete","name":"cache"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"C\",\"value\":\"3\"},{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"20\"}],\"image\":\"example/app:2\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"}]}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"C","value":"3"},{"name":"A","value":"1"},{"name":"B","value":"20"}],"image":"example/app:2","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"}]}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase ApplyWebService = new(
        "kubectl apply -f web-v2.yaml (service port 443 removed)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Service,
        KubectlLiveObjects.WebService,
        """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":8080}],\"selector\":{\"app\":\"web\"}}}\n"}},"spec":{"$setElementOrder/ports":[{"port":80}],"ports":[{"$patch":"delete","port":443}]}}
        """,
        """
        {"apiVersion":"v1","kind":"Service","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"annotations\":{},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"ports\":[{\"name\":\"http\",\"port\":80,\"targetPort\":8080}],\"selector\":{\"app\":\"web\"}}}\n"},"name":"web","namespace":"default","resourceVersion":"1","uid":"7cf96ca6-c779-449b-af92-8ff3a2b32e9f"},"spec":{"clusterIP":"10.96.0.20","clusterIPs":["10.96.0.20"],"internalTrafficPolicy":"Cluster","ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack","ports":[{"name":"http","port":80,"protocol":"TCP","targetPort":8080}],"selector":{"app":"web"},"sessionAffinity":"None","type":"ClusterIP"},"status":{"loadBalancer":{}}}
        """);

    public static readonly KubectlPatchCase ApplyWebStrategyAndVolume = new(
        "kubectl apply -f web-v3.yaml (strategy Recreate, volume data from emptyDir to hostPath, finalizers added)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/b\",\"example.com/c\"],\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"hostPath\":{\"path\":\"/srv/data\"},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"finalizers":["example.com/b","example.com/c"]},"spec":{"strategy":{"$retainKeys":["type"],"type":"Recreate"},"template":{"spec":{"$setElementOrder/volumes":[{"name":"data"},{"name":"cache"}],"volumes":[{"$retainKeys":["hostPath","name"],"emptyDir":null,"hostPath":{"path":"/srv/data"},"name":"data"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/b\",\"example.com/c\"],\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"strategy\":{\"type\":\"Recreate\"},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"hostPath\":{\"path\":\"/srv/data\"},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","finalizers":["example.com/b","example.com/c"],"generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"type":"Recreate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"hostPath":{"path":"/srv/data"},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase ApplyEnvBesideSetEnv = new(
        "kubectl apply -f envs-v2.yaml (env B replaced by C; S was added by kubectl set env)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.EnvsDeployment,
        """
        {"metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"envs\",\"namespace\":\"default\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"envs\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"envs\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"C\",\"value\":\"3\"}],\"image\":\"example/app:1\",\"name\":\"app\"}]}}}}\n"}},"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"C"}],"env":[{"name":"C","value":"3"},{"$patch":"delete","name":"B"}],"name":"app"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"name\":\"envs\",\"namespace\":\"default\"},\"spec\":{\"selector\":{\"matchLabels\":{\"app\":\"envs\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"envs\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"C\",\"value\":\"3\"}],\"image\":\"example/app:1\",\"name\":\"app\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"name":"envs","namespace":"default","resourceVersion":"1","uid":"db93e403-a87c-4f70-8e0e-c118587362ac"},"spec":{"progressDeadlineSeconds":600,"replicas":1,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"envs"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"envs"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"S","value":"from set env"},{"name":"C","value":"3"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":1,"replicas":1}}
        """);

    public static readonly KubectlPatchCase ApplyPodFinalizers = new(
        "kubectl apply -f fin-v2.yaml (finalizer a replaced by c in front, args and tolerations changed)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Pod,
        KubectlLiveObjects.FinPod,
        """
        {"metadata":{"$deleteFromPrimitiveList/finalizers":["example.com/a"],"$setElementOrder/finalizers":["example.com/c","example.com/b"],"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/c\",\"example.com/b\"],\"name\":\"fin\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"args\":[\"sleep\",\"2\"],\"image\":\"busybox\",\"name\":\"c\"}],\"tolerations\":[{\"key\":\"k2\",\"operator\":\"Exists\"}]}}\n"},"finalizers":["example.com/c"]},"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"args":["sleep","2"],"name":"c"}],"tolerations":[{"key":"k2","operator":"Exists"}]}}
        """,
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/c\",\"example.com/b\"],\"name\":\"fin\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"args\":[\"sleep\",\"2\"],\"image\":\"busybox\",\"name\":\"c\"}],\"tolerations\":[{\"key\":\"k2\",\"operator\":\"Exists\"}]}}\n"},"finalizers":["example.com/c","example.com/b"],"name":"fin","namespace":"default","resourceVersion":"1","uid":"1b9405d4-b1af-4a0d-bbbf-b026c36eb041"},"spec":{"containers":[{"args":["sleep","2"],"image":"busybox","name":"c"}],"tolerations":[{"key":"k2","operator":"Exists"}]}}
        """);

    public static readonly KubectlPatchCase EditImageEnvAndSidecar = new(
        "kubectl edit deployment/web (image example/app:7, B=22, container sidecar deleted)",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"B"}],"env":[{"name":"B","value":"22"}],"image":"example/app:7","name":"app"},{"$patch":"delete","name":"sidecar"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"22"}],"image":"example/app:7","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase SetImageOne = new(
        "kubectl set image deployment/web app=example/app:3",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"image":"example/app:3","name":"app"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:3","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase SetImageAll = new(
        "kubectl set image deployment/web *=example/all:9",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"image":"example/all:9","name":"app"},{"image":"example/all:9","name":"sidecar"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/all:9","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/all:9","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase SetImagePod = new(
        "kubectl set image pod/fin c=busybox:2",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Pod,
        KubectlLiveObjects.FinPod,
        """
        {"spec":{"$setElementOrder/containers":[{"name":"c"}],"containers":[{"image":"busybox:2","name":"c"}]}}
        """,
        """
        {"apiVersion":"v1","kind":"Pod","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"annotations\":{},\"finalizers\":[\"example.com/a\",\"example.com/b\"],\"name\":\"fin\",\"namespace\":\"default\"},\"spec\":{\"containers\":[{\"args\":[\"sleep\",\"1\"],\"image\":\"busybox\",\"name\":\"c\"}],\"tolerations\":[{\"key\":\"k1\",\"operator\":\"Exists\"}]}}\n"},"finalizers":["example.com/a","example.com/b"],"name":"fin","namespace":"default","resourceVersion":"1","uid":"1b9405d4-b1af-4a0d-bbbf-b026c36eb041"},"spec":{"containers":[{"args":["sleep","1"],"image":"busybox:2","name":"c"}],"tolerations":[{"key":"k1","operator":"Exists"}]}}
        """);

    public static readonly KubectlPatchCase SetEnvChangeAndAdd = new(
        "kubectl set env deployment/web B=200 D=4",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"B"},{"name":"D"}],"env":[{"name":"B","value":"200"},{"name":"D","value":"4"}],"name":"app"},{"env":[{"name":"B","value":"200"},{"name":"D","value":"4"}],"name":"sidecar"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"200"},{"name":"D","value":"4"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"env":[{"name":"B","value":"200"},{"name":"D","value":"4"}],"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase SetEnvRemove = new(
        "kubectl set env deployment/web A-",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"$setElementOrder/env":[{"name":"B"}],"env":[{"$patch":"delete","name":"A"}],"name":"app"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase SetEnvOneContainer = new(
        "kubectl set env deployment/web -c app E=5",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"$setElementOrder/env":[{"name":"A"},{"name":"B"},{"name":"E"}],"env":[{"name":"E","value":"5"}],"name":"app"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"},{"name":"E","value":"5"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase SetResources = new(
        "kubectl set resources deployment/web -c app --limits=cpu=200m,memory=512Mi",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"app"},{"name":"sidecar"}],"containers":[{"name":"app","resources":{"limits":{"cpu":"200m","memory":"512Mi"}}}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"resources":{"limits":{"cpu":"200m","memory":"512Mi"}},"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase RolloutRestart = new(
        "kubectl rollout restart deployment/web",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-27T03:04:06Z"}}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-27T03:04:06Z"},"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase PatchStrategic = new(
        "kubectl patch deployment/web --type=strategic -p {\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"app\",\"image\":\"x:1\"}]}}}}",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"spec":{"template":{"spec":{"containers":[{"name":"app","image":"x:1"}]}}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"x:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase LabelAdd = new(
        "kubectl label deployment/web tier=front",
        ObjectPatcher.MergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"metadata":{"labels":{"tier":"front"}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta","tier":"front"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase LabelRemove = new(
        "kubectl label deployment/web app-",
        ObjectPatcher.MergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"metadata":{"labels":{"app":null}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase LabelOverwrite = new(
        "kubectl label deployment/web stage=prod --overwrite",
        ObjectPatcher.MergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"metadata":{"labels":{"stage":"prod"}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"prod"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase Annotate = new(
        "kubectl annotate deployment/web note=hello",
        ObjectPatcher.MergePatch,
        ResourceTypes.Deployment,
        KubectlLiveObjects.WebDeployment,
        """
        {"metadata":{"annotations":{"note":"hello"}}}
        """,
        """
        {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"metadata\":{\"annotations\":{},\"labels\":{\"app\":\"web\",\"stage\":\"beta\"},\"name\":\"web\",\"namespace\":\"default\"},\"spec\":{\"replicas\":2,\"selector\":{\"matchLabels\":{\"app\":\"web\"}},\"template\":{\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":[{\"env\":[{\"name\":\"A\",\"value\":\"1\"},{\"name\":\"B\",\"value\":\"2\"}],\"image\":\"example/app:1\",\"name\":\"app\",\"ports\":[{\"containerPort\":8080,\"name\":\"http\"},{\"containerPort\":9090,\"name\":\"metrics\"}],\"volumeMounts\":[{\"mountPath\":\"/data\",\"name\":\"data\"},{\"mountPath\":\"/cache\",\"name\":\"cache\"}]},{\"image\":\"example/sidecar:1\",\"name\":\"sidecar\"}],\"volumes\":[{\"emptyDir\":{},\"name\":\"data\"},{\"emptyDir\":{},\"name\":\"cache\"}]}}}}\n","note":"hello"},"creationTimestamp":"2025-01-01T00:00:00Z","generation":1,"labels":{"app":"web","stage":"beta"},"name":"web","namespace":"default","resourceVersion":"1","uid":"6dd2aaa6-8dc8-4310-a335-9f27061659f0"},"spec":{"progressDeadlineSeconds":600,"replicas":2,"revisionHistoryLimit":10,"selector":{"matchLabels":{"app":"web"}},"strategy":{"rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"},"type":"RollingUpdate"},"template":{"metadata":{"creationTimestamp":null,"labels":{"app":"web"}},"spec":{"containers":[{"env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"image":"example/app:1","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":8080,"name":"http","protocol":"TCP"},{"containerPort":9090,"name":"metrics","protocol":"TCP"}],"terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File","volumeMounts":[{"mountPath":"/data","name":"data"},{"mountPath":"/cache","name":"cache"}]},{"image":"example/sidecar:1","imagePullPolicy":"IfNotPresent","name":"sidecar","terminationMessagePath":"/dev/termination-log","terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30,"volumes":[{"emptyDir":{},"name":"data"},{"emptyDir":{},"name":"cache"}]}}},"status":{"conditions":[{"reason":"MinimumReplicasAvailable","status":"True","type":"Available"},{"reason":"NewReplicaSetAvailable","status":"True","type":"Progressing"}],"observedGeneration":1,"readyReplicas":2,"replicas":2}}
        """);

    public static readonly KubectlPatchCase Cordon = new(
        "kubectl cordon n1",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Node,
        KubectlLiveObjects.Node,
        """
        {"spec":{"unschedulable":true}}
        """,
        """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","resourceVersion":"1","uid":"67521a9c-eb05-44c3-bc05-a76f173485c9"},"spec":{"taints":[{"effect":"NoSchedule","key":"a","value":"1"}],"unschedulable":true}}
        """);

    public static readonly KubectlPatchCase TaintAdd = new(
        "kubectl taint node n1 b=2:NoExecute",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Node,
        KubectlLiveObjects.Node,
        """
        {"spec":{"taints":[{"effect":"NoExecute","key":"b","value":"2"},{"effect":"NoSchedule","key":"a","value":"1"}]}}
        """,
        """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","resourceVersion":"1","uid":"67521a9c-eb05-44c3-bc05-a76f173485c9"},"spec":{"taints":[{"effect":"NoExecute","key":"b","value":"2"},{"effect":"NoSchedule","key":"a","value":"1"}]}}
        """);

    public static readonly KubectlPatchCase TaintRemove = new(
        "kubectl taint node n1 a:NoSchedule-",
        ObjectPatcher.StrategicMergePatch,
        ResourceTypes.Node,
        KubectlLiveObjects.Node,
        """
        {"spec":{"taints":null}}
        """,
        """
        {"apiVersion":"v1","kind":"Node","metadata":{"name":"n1","resourceVersion":"1","uid":"67521a9c-eb05-44c3-bc05-a76f173485c9"},"spec":{}}
        """);

    public static IReadOnlyDictionary<string, KubectlPatchCase> All { get; } = new Dictionary<string, KubectlPatchCase>
    {
        [nameof(ApplyGuestbookFrontend)] = ApplyGuestbookFrontend,
        [nameof(ApplyWebDeployment)] = ApplyWebDeployment,
        [nameof(ApplyWebService)] = ApplyWebService,
        [nameof(ApplyWebStrategyAndVolume)] = ApplyWebStrategyAndVolume,
        [nameof(ApplyEnvBesideSetEnv)] = ApplyEnvBesideSetEnv,
        [nameof(ApplyPodFinalizers)] = ApplyPodFinalizers,
        [nameof(EditImageEnvAndSidecar)] = EditImageEnvAndSidecar,
        [nameof(SetImageOne)] = SetImageOne,
        [nameof(SetImageAll)] = SetImageAll,
        [nameof(SetImagePod)] = SetImagePod,
        [nameof(SetEnvChangeAndAdd)] = SetEnvChangeAndAdd,
        [nameof(SetEnvRemove)] = SetEnvRemove,
        [nameof(SetEnvOneContainer)] = SetEnvOneContainer,
        [nameof(SetResources)] = SetResources,
        [nameof(RolloutRestart)] = RolloutRestart,
        [nameof(PatchStrategic)] = PatchStrategic,
        [nameof(LabelAdd)] = LabelAdd,
        [nameof(LabelRemove)] = LabelRemove,
        [nameof(LabelOverwrite)] = LabelOverwrite,
        [nameof(Annotate)] = Annotate,
        [nameof(Cordon)] = Cordon,
        [nameof(TaintAdd)] = TaintAdd,
        [nameof(TaintRemove)] = TaintRemove,
    };
}
