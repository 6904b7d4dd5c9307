namespace PaaS.ApiServer.Tests.Infrastructure;

/// <summary>All API server tests share one hosted server and run one at a time (the outbox test stops RabbitMQ).</summary>
[CollectionDefinition(Name)]
public sealed class ApiServerTestGroup : ICollectionFixture<ApiServerFixture>
{
    public const string Name = "api server";
}
