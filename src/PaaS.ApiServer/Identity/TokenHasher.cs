using System.Security.Cryptography;
using System.Text;

namespace PaaS.ApiServer.Identity;

/// <summary>
/// Tokens are 256 random bits; a plain SHA-256 is the right hash for them (unlike passwords they cannot
/// be guessed, so a slow KDF would only slow down every request).
/// </summary>
internal static class TokenHasher
{
    public const string Prefix = "paas_";

    public static string NewToken() => Prefix + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
