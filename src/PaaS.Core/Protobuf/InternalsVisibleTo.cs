using System.Runtime.CompilerServices;

// The schema tests cross-check the internal field tables against KubernetesClient's models, and the reader tests
// exercise wire cases (fixed32/64) that no supported kind uses; both need the internals.
[assembly: InternalsVisibleTo("PaaS.Core.Tests")]
