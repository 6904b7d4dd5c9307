using static PaaS.Core.Protobuf.ZeroValue;

namespace PaaS.Core.Protobuf;

// core/v1 top-level objects other than pods and nodes, with the small types they share.
// Field numbers and JSON names are those of the Kubernetes 1.33 wire format (a superset of 1.32's); fields are
// listed in Go struct order, which is the order Go writes them in JSON too. "Keep" marks scalars whose zero value
// Go's JSON still writes (pointers and fields without omitempty); see ZeroValue.
internal static partial class ProtobufSchema
{
    private static void AddCore(SchemaBuilder schema)
    {
        schema.Kind("v1", "Namespace", Core + "Namespace");
        schema.Kind("v1", "ConfigMap", Core + "ConfigMap");
        schema.Kind("v1", "Secret", Core + "Secret");
        schema.Kind("v1", "ResourceQuota", Core + "ResourceQuota");
        schema.Kind("v1", "LimitRange", Core + "LimitRange");
        schema.Kind("v1", "Event", Core + "Event");
        schema.Kind("v1", "Endpoints", Core + "Endpoints");
        schema.Kind("v1", "Service", Core + "Service");

        schema.Message(Core + "Namespace")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "NamespaceSpec")
            .Message(3, "status", Core + "NamespaceStatus");

        schema.Message(Core + "NamespaceSpec")
            .Strings(1, "finalizers");

        schema.Message(Core + "NamespaceStatus")
            .String(1, "phase")
            .Messages(2, "conditions", Core + "NamespaceCondition");

        schema.Message(Core + "NamespaceCondition")
            .String(1, "type", Keep)
            .String(2, "status", Keep)
            .Time(4, "lastTransitionTime")
            .String(5, "reason")
            .String(6, "message");

        schema.Message(Core + "ConfigMap")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Bool(4, "immutable", Keep)
            .StringMap(2, "data")
            .BytesMap(3, "binaryData");

        schema.Message(Core + "Secret")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Bool(5, "immutable", Keep)
            .BytesMap(2, "data")
            .StringMap(4, "stringData")
            .String(3, "type");

        schema.Message(Core + "ResourceQuota")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "ResourceQuotaSpec")
            .Message(3, "status", Core + "ResourceQuotaStatus");

        schema.Message(Core + "ResourceQuotaSpec")
            .QuantityMap(1, "hard")
            .Strings(2, "scopes")
            .Message(3, "scopeSelector", Core + "ScopeSelector");

        schema.Message(Core + "ResourceQuotaStatus")
            .QuantityMap(1, "hard")
            .QuantityMap(2, "used");

        schema.Message(Core + "ScopeSelector")
            .Messages(1, "matchExpressions", Core + "ScopedResourceSelectorRequirement");

        schema.Message(Core + "ScopedResourceSelectorRequirement")
            .String(1, "scopeName", Keep)
            .String(2, "operator", Keep)
            .Strings(3, "values");

        schema.Message(Core + "LimitRange")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "LimitRangeSpec");

        schema.Message(Core + "LimitRangeSpec")
            .Messages(1, "limits", Core + "LimitRangeItem");

        schema.Message(Core + "LimitRangeItem")
            .String(1, "type", Keep)
            .QuantityMap(2, "max")
            .QuantityMap(3, "min")
            .QuantityMap(4, "default")
            .QuantityMap(5, "defaultRequest")
            .QuantityMap(6, "maxLimitRequestRatio");

        schema.Message(Core + "Event")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "involvedObject", Core + "ObjectReference")
            .String(3, "reason")
            .String(4, "message")
            .Message(5, "source", Core + "EventSource")
            .Time(6, "firstTimestamp")
            .Time(7, "lastTimestamp")
            .Int32(8, "count")
            .String(9, "type")
            .MicroTime(10, "eventTime")
            .Message(11, "series", Core + "EventSeries")
            .String(12, "action")
            .Message(13, "related", Core + "ObjectReference")
            .String(14, "reportingComponent", Keep)
            .String(15, "reportingInstance", Keep);

        schema.Message(Core + "EventSeries")
            .Int32(1, "count")
            .MicroTime(2, "lastObservedTime");

        schema.Message(Core + "EventSource")
            .String(1, "component")
            .String(2, "host");

        schema.Message(Core + "ObjectReference")
            .String(1, "kind")
            .String(2, "namespace")
            .String(3, "name")
            .String(4, "uid")
            .String(5, "apiVersion")
            .String(6, "resourceVersion")
            .String(7, "fieldPath");

        schema.Message(Core + "LocalObjectReference")
            .String(1, "name");

        schema.Message(Core + "TypedLocalObjectReference")
            .String(1, "apiGroup", Keep)
            .String(2, "kind", Keep)
            .String(3, "name", Keep);

        schema.Message(Core + "TypedObjectReference")
            .String(1, "apiGroup", Keep)
            .String(2, "kind", Keep)
            .String(3, "name", Keep)
            .String(4, "namespace", Keep);

        schema.Message(Core + "Endpoints")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Messages(2, "subsets", Core + "EndpointSubset");

        schema.Message(Core + "EndpointSubset")
            .Messages(1, "addresses", Core + "EndpointAddress")
            .Messages(2, "notReadyAddresses", Core + "EndpointAddress")
            .Messages(3, "ports", Core + "EndpointPort");

        schema.Message(Core + "EndpointAddress")
            .String(1, "ip", Keep)
            .String(3, "hostname")
            .String(4, "nodeName", Keep)
            .Message(2, "targetRef", Core + "ObjectReference");

        schema.Message(Core + "EndpointPort")
            .String(1, "name")
            .Int32(2, "port", Keep)
            .String(3, "protocol")
            .String(4, "appProtocol", Keep);

        schema.Message(Core + "Service")
            .Message(1, "metadata", Meta + "ObjectMeta")
            .Message(2, "spec", Core + "ServiceSpec")
            .Message(3, "status", Core + "ServiceStatus");

        schema.Message(Core + "ServiceSpec")
            .Messages(1, "ports", Core + "ServicePort")
            .StringMap(2, "selector")
            .String(3, "clusterIP")
            .Strings(18, "clusterIPs")
            .String(4, "type")
            .Strings(5, "externalIPs")
            .String(7, "sessionAffinity")
            .String(8, "loadBalancerIP")
            .Strings(9, "loadBalancerSourceRanges")
            .String(10, "externalName")
            .String(11, "externalTrafficPolicy")
            .Int32(12, "healthCheckNodePort")
            .Bool(13, "publishNotReadyAddresses")
            .Message(14, "sessionAffinityConfig", Core + "SessionAffinityConfig")
            .Strings(19, "ipFamilies")
            .String(17, "ipFamilyPolicy", Keep)
            .Bool(20, "allocateLoadBalancerNodePorts", Keep)
            .String(21, "loadBalancerClass", Keep)
            .String(22, "internalTrafficPolicy", Keep)
            .String(23, "trafficDistribution", Keep);

        schema.Message(Core + "ServicePort")
            .String(1, "name")
            .String(2, "protocol")
            .String(6, "appProtocol", Keep)
            .Int32(3, "port", Keep)
            .IntOrString(4, "targetPort")
            .Int32(5, "nodePort");

        schema.Message(Core + "SessionAffinityConfig")
            .Message(1, "clientIP", Core + "ClientIPConfig");

        schema.Message(Core + "ClientIPConfig")
            .Int32(1, "timeoutSeconds", Keep);

        schema.Message(Core + "ServiceStatus")
            .Message(1, "loadBalancer", Core + "LoadBalancerStatus")
            .Messages(2, "conditions", Meta + "Condition");

        schema.Message(Core + "LoadBalancerStatus")
            .Messages(1, "ingress", Core + "LoadBalancerIngress");

        schema.Message(Core + "LoadBalancerIngress")
            .String(1, "ip")
            .String(2, "hostname")
            .String(3, "ipMode", Keep)
            .Messages(4, "ports", Core + "PortStatus");

        schema.Message(Core + "PortStatus")
            .Int32(1, "port", Keep)
            .String(2, "protocol", Keep)
            .String(3, "error", Keep);
    }
}
