#:sdk Microsoft.NET.Sdk.Web
#:package Yarp.ReverseProxy
#:property TreatWarningsAsErrors=false
// The bare YARP app of the gateway benchmark (issue 7): one route, one cluster, one destination, nothing else
// — what YARP costs by itself, the floor our gateway is compared with.
// Usage: dotnet run infra/bench/yarp-bare.cs -- <listen url> <destination url>
using Yarp.ReverseProxy.Configuration;

var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();
builder.WebHost.UseUrls(args[0]);
builder.Services.AddReverseProxy().LoadFromMemory(
    [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "{**catch-all}" } }],
    [new ClusterConfig { ClusterId = "backend", Destinations = new Dictionary<string, DestinationConfig> { ["one"] = new() { Address = args[1] } } }]);
var app = builder.Build();
app.MapReverseProxy();
app.Run();
