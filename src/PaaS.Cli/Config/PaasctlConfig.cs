using System.Text.Json;
using System.Text.Json.Serialization;

namespace PaaS.Cli.Config;

/// <summary>paasctl's own record of the last login (the kubeconfig holds the credentials).</summary>
internal sealed record PaasctlConfig(string Server, string Context, string User)
{
    public static PaasctlConfig? Load(string path) =>
        File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), PaasctlConfigJson.Default.PaasctlConfig) : null;

    public void Save(string path) =>
        PrivateFile.Write(path, JsonSerializer.Serialize(this, PaasctlConfigJson.Default.PaasctlConfig) + "\n");

    public static void Clear(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(PaasctlConfig))]
internal sealed partial class PaasctlConfigJson : JsonSerializerContext;
