namespace PaaS.ApiServer.Identity;

internal enum IdentityKind
{
    User,
    System,
}
