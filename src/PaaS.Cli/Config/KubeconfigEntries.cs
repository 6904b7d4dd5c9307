namespace PaaS.Cli.Config;

/// <summary>A kubeconfig cluster as paasctl reads it.</summary>
/// <param name="CertificateAuthorityData">Base64 of the PEM, as in <c>certificate-authority-data</c>.</param>
/// <param name="CertificateAuthority">A PEM file path, as in <c>certificate-authority</c>.</param>
internal sealed record KubeconfigCluster(string Name, string? Server, string? CertificateAuthorityData, string? CertificateAuthority, bool InsecureSkipTlsVerify);

/// <summary>A kubeconfig user (paasctl uses bearer tokens only).</summary>
internal sealed record KubeconfigUser(string Name, string? Token, string? TokenFile);

/// <summary>A kubeconfig context: which cluster, which user, which namespace.</summary>
internal sealed record KubeconfigContext(string Name, string? Cluster, string? User, string? Namespace);
