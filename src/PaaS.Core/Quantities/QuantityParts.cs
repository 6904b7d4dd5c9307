namespace PaaS.Core.Quantities;

/// <summary>The pieces of a quantity string as Kubernetes' scanner splits them: "-1.5Gi" is (true, "1", "5", "Gi").</summary>
internal readonly record struct QuantityParts(bool Negative, string Numerator, string Fraction, string Suffix);
