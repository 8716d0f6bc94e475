using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Removal
{
    /// <summary>
    /// Finds the one passkey a removal names among the user's registered methods: by method id (Graph's ids are
    /// case-sensitive), or by AAGUID, which must match exactly one passkey (two keys of one model share an AAGUID).
    /// </summary>
    public static class PasskeySelection
    {
        public static RegisteredMethod Select(UserEvidence user, PasskeyRemovalRequest request, string input)
        {
            var passkeys = user.Methods.Where(m => m.Kind == MethodKind.Fido2).ToList();
            var matches = request.MethodId != null
                ? passkeys.Where(p => string.Equals(p.Id, request.MethodId, StringComparison.Ordinal)).ToList()
                : passkeys.Where(p => p.Aaguid == request.Aaguid).ToList();
            if (matches.Count == 1)
            {
                return matches[0];
            }

            var named = request.MethodId != null ? $"with method id '{request.MethodId}'" : $"with AAGUID {request.Aaguid}";
            if (matches.Count == 0)
            {
                return Throw(new EntraPasskeyException(
                    "PasskeyNotFound", ErrorKind.NotFound,
                    $"{user.Name} ({user.UserPrincipalName}) has no passkey {named}. {Registered(passkeys)}",
                    "Name one of the passkeys listed here with -MethodId (or -Aaguid).",
                    input));
            }

            return Throw(new EntraPasskeyException(
                "PasskeyAmbiguous", ErrorKind.InvalidArgument,
                $"{matches.Count} passkeys of {user.Name} have AAGUID {request.Aaguid}: {List(matches)}. An AAGUID names a model, not one key.",
                "Name the lost one with -MethodId.",
                input));
        }

        /// <summary>"'YubiKey (desk)' (id Zt3a…, YubiKey 5 Series with NFC, registered 2026-01-01 09:00 UTC)".</summary>
        public static string Describe(RegisteredMethod passkey) =>
            $"'{passkey.DisplayName ?? passkey.Model ?? "passkey"}' (id {passkey.Id}"
            + (passkey.Model != null && passkey.Model != passkey.DisplayName ? ", " + passkey.Model : string.Empty)
            + (passkey.CreatedAt.HasValue ? ", registered " + Facts.Time(passkey.CreatedAt.Value) : string.Empty)
            + ")";

        private static string Registered(IReadOnlyList<RegisteredMethod> passkeys) =>
            passkeys.Count == 0 ? "They have no passkey registered." : $"Their passkeys: {List(passkeys)}.";

        private static string List(IEnumerable<RegisteredMethod> passkeys) =>
            string.Join("; ", passkeys.Select(p => Describe(p) + (p.Aaguid.HasValue ? $" AAGUID {p.Aaguid}" : string.Empty)));

        private static RegisteredMethod Throw(EntraPasskeyException error) => throw error;
    }
}
