using System.Net;
using PaaS.Cli.Http;

namespace PaaS.Cli.Tests.Http;

public sealed class ApiExceptionTests
{
    [Theory]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.Unauthorized)]
    [InlineData(HttpStatusCode.Forbidden, ExitCodes.Forbidden)]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.NotFound)]
    [InlineData(HttpStatusCode.Conflict, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.UnprocessableEntity, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.Conflict)]
    [InlineData(HttpStatusCode.InternalServerError, ExitCodes.Error)]
    [InlineData(HttpStatusCode.ServiceUnavailable, ExitCodes.Error)]
    public void FromHttpStatus_MapsToDocumentedExitCode(HttpStatusCode status, int exitCode) =>
        Assert.Equal(exitCode, ExitCodes.FromHttpStatus(status));

    [Fact]
    public void ToException_StatusBody_CarriesServerMessageAndReason()
    {
        var ex = ApiClient.ToException(HttpStatusCode.Forbidden,
            """{"kind":"Status","apiVersion":"v1","status":"Failure","message":"teams.paas.dev \"shop\" is forbidden: alice is a viewer","reason":"Forbidden","code":403}""");

        Assert.Equal("teams.paas.dev \"shop\" is forbidden: alice is a viewer", ex.Message);
        Assert.Equal("Forbidden", ex.Reason);
        Assert.Equal(ExitCodes.Forbidden, ex.ExitCode);
    }

    [Fact]
    public void ToException_NotJson_NamesTheStatus()
    {
        var ex = ApiClient.ToException(HttpStatusCode.BadGateway, "<html>bad gateway</html>");

        Assert.Equal("the server answered 502 BadGateway: <html>bad gateway</html>", ex.Message);
        Assert.Equal(ExitCodes.Error, ex.ExitCode);
    }
}
