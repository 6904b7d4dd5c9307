using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using k8s.Models;

namespace PaaS.Controllers.Deployments;

/// <summary>
/// The pod-template-hash of a deployment's template (Kubernetes' controller.ComputeHash): FNV-32a over the template, then
/// over the collision count when there is one, rendered with SafeEncodeString. Kubernetes hashes a spew dump of its Go
/// structs; this hashes <see cref="PodTemplates.CanonicalJson"/> instead, so the values differ from Kubernetes' but are
/// just as stable: the same template and collision count always give the same hash.
/// </summary>
public static class PodTemplateHash
{
    /// <summary>Kubernetes' rand.SafeEncodeString alphabet: no vowels (no words) and no look-alikes (0/o, 1/l, 3/e).</summary>
    public const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    private const uint FnvOffsetBasis = 2166136261;
    private const uint FnvPrime = 16777619;

    /// <param name="collisionCount">
    /// The deployment's status.collisionCount: bumped when the name <c>&lt;deployment&gt;-&lt;hash&gt;</c> is already taken
    /// by a replica set with another template, so the next hash differs.
    /// </param>
    public static string Compute(V1PodTemplateSpec template, int? collisionCount)
    {
        var hash = Fnv32a(FnvOffsetBasis, Encoding.UTF8.GetBytes(PodTemplates.CanonicalJson(template)));
        if (collisionCount is { } count)
        {
            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)count));
            hash = Fnv32a(hash, bytes);
        }

        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Kubernetes' SafeEncodeString: each byte mapped into <see cref="SafeAlphabet"/>.</summary>
    public static string SafeEncode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return string.Create(text.Length, text, static (chars, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                chars[i] = SafeAlphabet[source[i] % SafeAlphabet.Length];
            }
        });
    }

    /// <summary>The new replica set's name: deterministic, so a create retried after a lost reply finds its own replica set.</summary>
    public static string ReplicaSetName(string deploymentName, string hash) => $"{deploymentName}-{hash}";

    private static uint Fnv32a(uint hash, ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            hash = unchecked((hash ^ b) * FnvPrime);
        }

        return hash;
    }
}
