using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Catalog
{
    /// <summary>AAGUIDs the rules treat specially, from Microsoft's documentation (graph-facts §9.2, §9.5, §9.6).</summary>
    public static class WellKnownAaguids
    {
        public static readonly Guid AuthenticatorIos = new Guid("90a3ccdf-635c-4729-a248-9b709135078f");

        public static readonly Guid AuthenticatorAndroid = new Guid("de1e552d-db1d-4423-a619-566b625cdc84");

        /// <summary>Entra passkeys on Windows: TPM, VBS and software Windows Hello authenticators.</summary>
        private static readonly HashSet<Guid> WindowsHello = new HashSet<Guid>
        {
            new Guid("08987058-cadc-4b81-b6e1-30de50dcbe96"),
            new Guid("9ddd1817-af5a-4672-a2b9-3e3dd95000a9"),
            new Guid("6028b017-b1d4-4c02-b4b3-afcdafc96bb2"),
        };

        public static bool IsWindowsHello(Guid aaguid) => WindowsHello.Contains(aaguid);

        public static bool IsMicrosoftAuthenticator(Guid aaguid) => aaguid == AuthenticatorIos || aaguid == AuthenticatorAndroid;
    }
}
