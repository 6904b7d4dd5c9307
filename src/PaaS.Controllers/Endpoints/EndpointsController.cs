using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using PaaS.Contracts;
using PaaS.Controllers.Runtime;
using PaaS.Core.Labels;

namespace PaaS.Controllers.Endpoints;

/// <summary>
/// Kubernetes' endpoints controller: for each Service with a selector, an Endpoints object of the same name listing
/// how to reach the pods the selector matches (<see cref="EndpointSubsets"/>). The Endpoints of a Service without a
/// selector are the user's and are never touched. When a Service goes, its Endpoints are deleted here, as Kubernetes
/// does (they carry no owner reference for the garbage collector). Pod changes reach the Services that select the pod
/// through a <see cref="ServiceIndex"/>, so a pod change reads one namespace's matching pods per concerned Service,
/// never the pods of the whole cluster.
/// </summary>
internal sealed class EndpointsController(IKubernetes api) : IController
{
    /// <summary>Marks the Endpoints this controller wrote, so the relist deletes only its own leftovers.</summary>
    public const string ManagedByLabel = "endpoints.paas.dev/managed-by";
    public const string ManagedByValue = "endpoints-controller";

    private readonly ServiceIndex _index = new();

    public string Name => "endpoints";

    public IEnumerable<string> KeysFor(ResourceChanged change) => change.Kind switch
    {
        "Service" => [Key(change.Namespace, change.Name)],
        "Pod" => _index.ServicesFor(change.Namespace, change.Name, change.Labels).Select(s => Key(change.Namespace, s)),
        _ => [],
    };

    public async Task<IReadOnlyCollection<string>> ListKeysAsync(CancellationToken ct)
    {
        var services = (await api.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: ct)).Items;
        var keys = new List<string>();
        foreach (var service in services)
        {
            var (ns, name) = (service.Metadata.NamespaceProperty, service.Metadata.Name);
            if (SelectorOf(service) is { } selector)
            {
                // Known before the first reconcile, so the pod changes in between already reach the Service.
                _index.Set(ns, name, selector);
                keys.Add(Key(ns, name));
            }
            else
            {
                _index.Remove(ns, name);
            }
        }

        // Endpoints of ours whose Service went while no event reached us (Kubernetes' checkLeftoverEndpoints).
        var existing = services.Select(s => Key(s.Metadata.NamespaceProperty, s.Metadata.Name)).ToHashSet(StringComparer.Ordinal);
        var ours = await api.CoreV1.ListEndpointsForAllNamespacesAsync(labelSelector: $"{ManagedByLabel}={ManagedByValue}", cancellationToken: ct);
        keys.AddRange(ours.Items.Select(e => Key(e.Metadata.NamespaceProperty, e.Metadata.Name)).Where(k => !existing.Contains(k)));
        return keys;
    }

    public async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken ct)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var (ns, name) = (key[..slash], key[(slash + 1)..]);
        var service = await OrNullIfGone(api.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: ct));
        if (service is null)
        {
            _index.Remove(ns, name);
            await OrNullIfGone(api.CoreV1.DeleteNamespacedEndpointsAsync(name, ns, cancellationToken: ct));
            return null;
        }

        if (SelectorOf(service) is not { } selector)
        {
            _index.Remove(ns, name);
            return null;
        }

        // Indexed before listing: a pod that changes while the list is in flight is routed here again.
        _index.Set(ns, name, selector);
        var pods = (await api.CoreV1.ListNamespacedPodAsync(ns, labelSelector: selector.ToString(), cancellationToken: ct)).Items;
        _index.Set(ns, name, selector, pods.Select(p => p.Metadata.Name));

        var subsets = EndpointSubsets.For(service, pods);
        var labels = new Dictionary<string, string>(service.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)
        {
            [ManagedByLabel] = ManagedByValue,
        };
        var current = await OrNullIfGone(api.CoreV1.ReadNamespacedEndpointsAsync(name, ns, cancellationToken: ct));
        if (current is null)
        {
            var endpoints = new V1Endpoints { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Labels = labels }, Subsets = subsets };
            await api.CoreV1.CreateNamespacedEndpointsAsync(endpoints, ns, cancellationToken: ct);
            return null;
        }

        if (Same(current.Subsets, subsets) && Same(current.Metadata.Labels, labels))
        {
            return null;
        }

        // Replaced at the resourceVersion read: a concurrent change fails with a conflict and is retried.
        current.Subsets = subsets;
        current.Metadata.Labels = labels;
        await api.CoreV1.ReplaceNamespacedEndpointsAsync(current, name, ns, cancellationToken: ct);
        return null;
    }

    /// <summary>The Service's selector; null when it has none (an empty one included, as kubectl shows it: none).</summary>
    private static LabelSelector? SelectorOf(V1Service service) =>
        service.Spec?.Selector is { Count: > 0 } labels ? LabelSelector.FromModel(new V1LabelSelector { MatchLabels = labels }) : null;

    private static bool Same<T>(T? stored, T desired)
        where T : class =>
        KubernetesJson.Serialize(stored) == KubernetesJson.Serialize(desired)
        || (stored is null && desired is System.Collections.ICollection { Count: 0 });

    private static string Key(string ns, string name) => $"{ns}/{name}";

    private static async Task<T?> OrNullIfGone<T>(Task<T> request)
        where T : class
    {
        try
        {
            return await request;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }
}
