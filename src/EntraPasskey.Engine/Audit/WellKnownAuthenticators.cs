using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>The AAGUIDs of graph-facts.md §9.6: the authenticators a help desk meets most.</summary>
    public sealed class WellKnownAuthenticators : IAuthenticatorNames
    {
        public static readonly WellKnownAuthenticators Instance = new WellKnownAuthenticators();

        private static readonly Dictionary<Guid, string> Names = Build(
            ("90a3ccdf-635c-4729-a248-9b709135078f", "Microsoft Authenticator (iOS)"),
            ("de1e552d-db1d-4423-a619-566b625cdc84", "Microsoft Authenticator (Android)"),
            ("08987058-cadc-4b81-b6e1-30de50dcbe96", "Windows Hello Hardware Authenticator"),
            ("9ddd1817-af5a-4672-a2b9-3e3dd95000a9", "Windows Hello VBS Hardware Authenticator"),
            ("6028b017-b1d4-4c02-b4b3-afcdafc96bb2", "Windows Hello Software Authenticator"),
            ("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4", "Google Password Manager"),
            ("fbfc3007-154e-4ecc-8c0b-6e020557d7bd", "Apple Passwords (iCloud Keychain)"),
            ("dd4ec289-e01d-41c9-bb89-70fa845d4bf2", "iCloud Keychain (Managed)"),
            ("adce0002-35bc-c60a-648b-0b25f1f05503", "Chrome on Mac"),
            ("771b48fd-d3d4-4f74-9232-fc157ab0507a", "Edge on Mac"),
            ("bada5566-a7aa-401f-bd96-45619a55120d", "1Password"),
            ("d548826e-79b4-db40-a3d8-11116f7e8349", "Bitwarden"),
            ("53414d53-554e-4700-0000-000000000000", "Samsung Pass"),
            ("d3452668-01fd-4c12-926c-83a4204853aa", "Microsoft Password Manager"),
            ("2fc0579f-8113-47ea-b116-bb5a8db9202a", "YubiKey 5 Series with NFC"),
            ("a25342c0-3cdc-4414-8e46-f4807fca511c", "YubiKey 5 Series with NFC"),
            ("d7781e5d-e353-46aa-afe2-3ca49f13332a", "YubiKey 5 Series with NFC"),
            ("fa2b99dc-9e39-4257-8f92-4a30d23c4118", "YubiKey 5 Series with NFC"),
            ("19083c3d-8383-4b18-bc03-8f1c9ab2fd1b", "YubiKey 5 Series"),
            ("cb69481e-8ff7-4039-93ec-0a2729a154a8", "YubiKey 5 Series"),
            ("ee882879-721c-4913-9775-3dfcce97072a", "YubiKey 5 Series"),
            ("ff4dac45-ede8-4ec2-aced-cf66103f4335", "YubiKey 5 Series"),
            ("c1f9a0bc-1dd2-404a-b27f-8e29047a43fd", "YubiKey 5 FIPS Series with NFC"),
            ("fcc0118f-cd45-435b-8da1-9782b2da0715", "YubiKey 5 FIPS Series with NFC"),
            ("7409272d-1ff9-4e10-9fc9-ac0019c124fd", "YubiKey Bio Series - FIDO Edition"),
            ("d8522d9f-575b-4866-88a9-ba99fa02f35b", "YubiKey Bio Series - FIDO Edition"),
            ("dd86a2da-86a0-4cbe-b462-4bd31f57bc6f", "YubiKey Bio Series - FIDO Edition"),
            ("a4e9fc6d-4cbe-4758-b8ba-37598bb5bbaa", "Security Key NFC by Yubico"),
            ("b7d3f68e-88a6-471e-9ecf-2df26d041ede", "Security Key NFC by Yubico"),
            ("e77e3c64-05e3-428b-8824-0cbeb04b829d", "Security Key NFC by Yubico"),
            ("42b4fb4a-2866-43b2-9bf7-6c6669c2e5d3", "Google Titan Security Key v2"),
            ("7e3f3d30-3557-4442-bdae-139312178b39", "RSA DS100"));

        public string? NameOf(Guid aaguid) => Names.TryGetValue(aaguid, out var name) ? name : null;

        private static Dictionary<Guid, string> Build(params (string Aaguid, string Name)[] entries)
        {
            var names = new Dictionary<Guid, string>();
            foreach (var (aaguid, name) in entries)
            {
                names.Add(Guid.Parse(aaguid), name);
            }

            return names;
        }
    }
}
