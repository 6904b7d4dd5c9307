using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PaaS.ApiServer.Identity;

namespace PaaS.ApiServer.Secrets;

/// <summary>
/// Encrypts a Secret's <c>data</c> at rest with AES-256-GCM under a key only the API server holds, like
/// Kubernetes' <c>aesgcm</c> encryption provider (without one, Kubernetes stores Secrets as base64).
/// Metadata stays readable (names, labels, the resourceVersion the database splices in); <c>data</c> is
/// replaced by <c>"paas:enc:v1:&lt;key id&gt;:&lt;base64 nonce|tag|ciphertext&gt;"</c>. The namespace and name are
/// the associated data, so a ciphertext copied onto another Secret does not decrypt.
/// </summary>
internal sealed class SecretEncryption
{
    private const string Prefix = "paas:enc:v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly byte[] _key;
    private readonly string _keyId;

    public SecretEncryption(IOptions<ApiServerOptions> options)
    {
        var path = options.Value.EncryptionKeyFile ?? Path.Combine(options.Value.HomeDirectory, "encryption-key");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            BootstrapIdentity.WritePrivateAsync(path, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) + "\n", CancellationToken.None).GetAwaiter().GetResult();
        }

        _key = Convert.FromBase64String(File.ReadAllText(path).Trim());
        if (_key.Length != 32)
        {
            throw new InvalidOperationException($"the encryption key in {path} must be 32 bytes (base64)");
        }

        // Names the key in every ciphertext, so a future rotation can tell old from new.
        _keyId = Convert.ToHexStringLower(SHA256.HashData(_key))[..8];
    }

    /// <summary>The stored form of a Secret's JSON: <c>data</c> encrypted.</summary>
    public string Protect(string ns, string name, string body)
    {
        var json = JsonNode.Parse(body)!.AsObject();
        if (json["data"] is not JsonObject data)
        {
            return body;
        }

        var plaintext = Encoding.UTF8.GetBytes(data.ToJsonString());
        var sealedBytes = new byte[NonceBytes + TagBytes + plaintext.Length];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(_key, TagBytes))
        {
            aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), AssociatedData(ns, name));
        }

        json["data"] = $"{Prefix}{_keyId}:{Convert.ToBase64String(sealedBytes)}";
        return json.ToJsonString();
    }

    /// <summary>The served form of a stored Secret: <c>data</c> decrypted.</summary>
    public string Unprotect(string ns, string name, string stored)
    {
        if (!stored.Contains(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var json = JsonNode.Parse(stored)!.AsObject();
        if (json["data"] is not JsonValue value || !value.TryGetValue<string>(out var envelope) || !envelope.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return stored;
        }

        var parts = envelope[Prefix.Length..].Split(':', 2);
        if (parts[0] != _keyId)
        {
            throw new InvalidOperationException($"secret {ns}/{name} is encrypted with key {parts[0]}, not with the configured key {_keyId}");
        }

        var sealedBytes = Convert.FromBase64String(parts[1]);
        var plaintext = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using (var aes = new AesGcm(_key, TagBytes))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, NonceBytes), sealedBytes.AsSpan(NonceBytes + TagBytes), sealedBytes.AsSpan(NonceBytes, TagBytes), plaintext, AssociatedData(ns, name));
        }

        json["data"] = JsonNode.Parse(plaintext);
        return json.ToJsonString();
    }

    private static byte[] AssociatedData(string ns, string name) => Encoding.UTF8.GetBytes($"secrets/{ns}/{name}");
}
