namespace EntraPasskey.Internal
{
    /// <summary>
    /// The -UserId aliases of every command that takes users, spelled once. Attribute arguments must be constants, so
    /// each command lists these names; Module.Tests.ps1 checks the three lists stay the same.
    /// </summary>
    internal static class UserIdAliases
    {
        public const string Id = "Id";
        public const string UserPrincipalName = "UserPrincipalName";
        public const string Upn = "UPN";
        public const string ObjectId = "ObjectId";
    }
}
