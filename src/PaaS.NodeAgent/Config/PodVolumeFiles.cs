using System.Text;
using k8s.Models;

namespace PaaS.NodeAgent.Config;

/// <summary>
/// ConfigMap and Secret volumes as the kubelet makes them: a directory per volume under the node's state
/// directory (<c>&lt;state&gt;/pods/&lt;uid&gt;/volumes/&lt;volume&gt;</c>), a file per key (or per listed
/// <c>items</c> entry, at its path) with <c>defaultMode</c> / <c>mode</c> (0644 by default), bind-mounted
/// read-only into the containers. The files are written when the pod starts; later changes to the ConfigMap
/// or Secret reach the pod when it is replaced (Kubernetes also refreshes them in place; not built).
/// </summary>
public sealed class PodVolumeFiles(string stateDirectory)
{
    public string PodDirectory(string podUid) => Path.Combine(stateDirectory, "pods", podUid);

    /// <summary>Writes every ConfigMap and Secret volume of the pod; returns each one's host directory by volume name.</summary>
    public async Task<Dictionary<string, string>> WriteAsync(V1Pod pod, IPodConfigSource? config, CancellationToken ct)
    {
        var ns = pod.Metadata.NamespaceProperty;
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var volume in pod.Spec.Volumes ?? [])
        {
            Dictionary<string, byte[]>? files;
            IList<V1KeyToPath>? items;
            int? mode;
            bool optional;
            if (volume.ConfigMap is { } cm)
            {
                (items, mode, optional) = (cm.Items, cm.DefaultMode, cm.Optional == true);
                var map = await ContainerEnvironment.ConfigMapAsync(config, ns, cm.Name, optional, ct);
                files = map is null ? null : (map.Data ?? new Dictionary<string, string>()).ToDictionary(d => d.Key, d => Encoding.UTF8.GetBytes(d.Value), StringComparer.Ordinal);
                foreach (var (key, value) in map?.BinaryData ?? new Dictionary<string, byte[]>())
                {
                    files![key] = value;
                }
            }
            else if (volume.Secret is { } s)
            {
                (items, mode, optional) = (s.Items, s.DefaultMode, s.Optional == true);
                var secret = await ContainerEnvironment.SecretAsync(config, ns, s.SecretName, optional, ct);
                files = secret is null ? null : ContainerEnvironment.SecretValues(secret).ToDictionary(v => v.Key, v => Encoding.UTF8.GetBytes(v.Value), StringComparer.Ordinal);
            }
            else
            {
                continue;
            }

            var directory = Path.Combine(PodDirectory(pod.Metadata.Uid), "volumes", volume.Name);
            Directory.CreateDirectory(directory);
            foreach (var (path, content, fileMode) in Entries(volume.Name, files ?? [], items, optional))
            {
                var target = Path.GetFullPath(Path.Combine(directory, path));
                if (!target.StartsWith(directory + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                {
                    throw new PodConfigException($"volume {volume.Name}: item path \"{path}\" leaves the volume");
                }

                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                await File.WriteAllBytesAsync(target, content, ct);
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(target, (UnixFileMode)(fileMode ?? mode ?? 0b110_100_100));
                }
            }

            written[volume.Name] = directory;
        }

        return written;
    }

    private static IEnumerable<(string Path, byte[] Content, int? Mode)> Entries(string volume, Dictionary<string, byte[]> files, IList<V1KeyToPath>? items, bool optional)
    {
        if (items is null || items.Count == 0)
        {
            return files.Select(f => (f.Key, f.Value, (int?)null));
        }

        return items.Select(item => files.TryGetValue(item.Key, out var content)
                ? (item.Path, content, item.Mode)
                : optional ? default : throw new PodConfigException($"volume {volume}: couldn't find key {item.Key}"))
            .Where(e => e.Item2 is not null);
    }

    /// <summary>Removes the pod's directory (its volumes' files).</summary>
    public void Remove(string podUid)
    {
        var directory = PodDirectory(podUid);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
