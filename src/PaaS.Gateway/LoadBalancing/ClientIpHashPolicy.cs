using Microsoft.AspNetCore.Http;
using Yarp.ReverseProxy.LoadBalancing;
using Yarp.ReverseProxy.Model;

namespace PaaS.Gateway.LoadBalancing;

/// <summary>
/// <c>sessionAffinity: ClientIP</c>: the same client address keeps its endpoint. Rendezvous hashing
/// (highest score of hash(client, destination) wins) rather than hash-mod-count: it needs no sorted list,
/// and when an endpoint comes or goes only the clients on that endpoint move. The hash is a fixed
/// function (not <see cref="string.GetHashCode()"/>, which is randomized per process), so every gateway
/// instance sends a client to the same endpoint.
/// </summary>
internal sealed class ClientIpHashPolicy : ILoadBalancingPolicy
{
    public const string PolicyName = "ClientIpHash";

    public string Name => PolicyName;

    public DestinationState? PickDestination(HttpContext context, ClusterState cluster, IReadOnlyList<DestinationState> availableDestinations)
    {
        if (availableDestinations.Count <= 1)
        {
            return availableDestinations.Count == 0 ? null : availableDestinations[0];
        }

        Span<byte> address = stackalloc byte[16];
        var client = context.Connection.RemoteIpAddress is { } ip && ip.TryWriteBytes(address, out var written) ? Fnv1a(address[..written]) : 0UL;
        DestinationState? best = null;
        var bestScore = 0UL;
        foreach (var destination in availableDestinations)
        {
            var score = Mix(client ^ Fnv1a(destination.DestinationId));
            if (best is null || score > bestScore)
            {
                (best, bestScore) = (destination, score);
            }
        }

        return best;
    }

    private static ulong Fnv1a(ReadOnlySpan<byte> bytes)
    {
        var hash = 14695981039346656037UL;
        foreach (var b in bytes)
        {
            hash = (hash ^ b) * 1099511628211UL;
        }

        return hash;
    }

    private static ulong Fnv1a(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    /// <summary>splitmix64's finalizer: spreads the XOR of two hashes over all bits before comparing scores.</summary>
    private static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9UL;
        x = (x ^ (x >> 27)) * 0x94d049bb133111ebUL;
        return x ^ (x >> 31);
    }
}
