using System;

namespace EntraPasskey
{
    /// <summary>What the help desk knows about the failed attempt (all optional).</summary>
    public sealed class AttemptHints
    {
        public static readonly AttemptHints None = new AttemptHints(null, null, null, null);

        public AttemptHints(Guid? aaguid, string? platform, string? platformVersion, string? browser)
        {
            Aaguid = aaguid;
            Platform = platform;
            PlatformVersion = platformVersion;
            Browser = browser;
        }

        /// <summary>AAGUID of the authenticator the user tried to register.</summary>
        public Guid? Aaguid { get; }

        public string? Platform { get; }

        public string? PlatformVersion { get; }

        public string? Browser { get; }
    }
}
