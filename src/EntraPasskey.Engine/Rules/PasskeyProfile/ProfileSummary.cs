using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using EntraPasskey.Engine.Catalog;
using EntraPasskey.Engine.Evidence;
using Profile = EntraPasskey.Engine.Evidence.PasskeyProfile;

namespace EntraPasskey.Engine.Rules.PasskeyProfile
{
    /// <summary>
    /// What a profile accepts, by name from the catalog, for findings made without an -Aaguid hint: the help desk
    /// learns what the user can register instead of a guess about what they tried.
    /// </summary>
    public static class ProfileSummary
    {
        private const int NamesShown = 6;

        private const int PlatformNamesShown = 4;

        private static readonly ProviderKind[] KindOrder = { ProviderKind.AuthenticatorApp, ProviderKind.HardwareKey, ProviderKind.Platform, ProviderKind.PasswordManager };

        private static readonly ProviderKind[] CountOrder = { ProviderKind.HardwareKey, ProviderKind.Platform, ProviderKind.PasswordManager, ProviderKind.AuthenticatorApp };

        /// <summary>
        /// A profile's acceptance over the whole catalog, and every sentence made of it but the user's own models, is the
        /// same for every user of a run (the snapshot's profile objects are shared), so it is worked out once per profile
        /// and catalog instead of once per user: per user it was a fifth of a bulk run's processor time, in lists and
        /// strings of hundreds of catalog names made and thrown away.
        /// </summary>
        private static readonly ConditionalWeakTable<Profile, ConditionalWeakTable<AuthenticatorCatalog, Acceptance>> AcceptedCache =
            new ConditionalWeakTable<Profile, ConditionalWeakTable<AuthenticatorCatalog, Acceptance>>();

        public static string Settings(Profile profile)
        {
            string attestation;
            switch (profile.AttestationEnforcement)
            {
                case AttestationEnforcement.Disabled: attestation = "no attestation"; break;
                case AttestationEnforcement.RegistrationOnly: attestation = "attestation required"; break;
                default: attestation = "an attestation setting this version cannot read"; break;
            }

            var types = profile.PasskeyTypes & (PasskeyTypes.DeviceBound | PasskeyTypes.Synced);
            var typeText = types == PasskeyTypes.DeviceBound || types == PasskeyTypes.Synced
                ? ProfileCheck.Describe(profile.PasskeyTypes) + " only"
                : ProfileCheck.Describe(profile.PasskeyTypes);
            return $"{typeText}, {attestation}, {profile.KeyRestrictions.Describe()}";
        }

        /// <summary>Catalog models the profile accepts when the passkey is created on the authenticator's own device.</summary>
        public static IReadOnlyList<PasskeyAuthenticator> Accepted(Profile profile, AuthenticatorCatalog catalog) => AcceptanceOf(profile, catalog).Models;

        /// <summary>
        /// "YubiKey 5 Series, Microsoft Authenticator for iOS, ...": the names of the models any of <paramref name="profiles"/>
        /// accepts, each once, profile by profile in catalog order; null when none.
        /// </summary>
        public static string? AllAcceptedNames(IReadOnlyList<Profile> profiles, AuthenticatorCatalog catalog)
        {
            if (profiles.Count == 1)
            {
                return AcceptanceOf(profiles[0], catalog).NamesText;
            }

            var names = profiles.SelectMany(p => AcceptanceOf(p, catalog).Names).Distinct().ToList();
            return names.Count == 0 ? null : string.Join(", ", names);
        }

        private static Acceptance AcceptanceOf(Profile profile, AuthenticatorCatalog catalog) =>
            AcceptedCache.GetValue(profile, _ => new ConditionalWeakTable<AuthenticatorCatalog, Acceptance>())
                .GetValue(catalog, c => new Acceptance(profile, c));

        /// <summary>A short list of model names the profile accepts, for remediation text.</summary>
        public static string AcceptedNames(Profile profile, AuthenticatorCatalog catalog, int max = 3)
        {
            var names = Accepted(profile, catalog)
                .OrderBy(e => Array.IndexOf(KindOrder, e.ProviderKind))
                .Select(e => e.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            return names.Count == 0 ? "none in the catalog"
                : names.Count <= max ? string.Join(", ", names)
                : string.Join(", ", names.Take(max)) + ", ...";
        }

        /// <summary>
        /// Whether anything could register under the profile: a catalog model it accepts, or an allow-listed AAGUID
        /// the catalog does not know (which might qualify; we cannot tell).
        /// </summary>
        public static bool CanAcceptAnything(Profile profile, AuthenticatorCatalog catalog) =>
            Accepted(profile, catalog).Count > 0
            || catalog.All.Any(e => ProfileCheck.Evaluate(profile, e.Aaguid, e, null).Verdict == ProfileVerdict.Undetermined)
            || UnknownAllowListed(profile, catalog).Any(a => ProfileCheck.Evaluate(profile, a, null, null).Verdict != ProfileVerdict.Rejects);

        public static IReadOnlyList<Guid> UnknownAllowListed(Profile profile, AuthenticatorCatalog catalog) =>
            profile.KeyRestrictions.IsEnforced && profile.KeyRestrictions.Mode == KeyRestrictionMode.Allow
                ? profile.KeyRestrictions.Aaguids.Where(a => catalog.Find(a) == null).ToList()
                : (IReadOnlyList<Guid>)Array.Empty<Guid>();

        /// <summary>
        /// "passkey profile 'X' (device-bound passkeys only, attestation required, allow list of 6 AAGUIDs) accepts
        /// Microsoft Authenticator for iOS, YubiKey 5 Series, ...; not synced passkeys". A long list is said as counts by
        /// kind, naming Microsoft Authenticator and the models of the user's own passkeys it accepts, so a help desk
        /// hears what matters to this user instead of a catalog.
        /// </summary>
        public static string Describe(Profile profile, AuthenticatorCatalog catalog, UserEvidence? user = null)
        {
            var acceptance = AcceptanceOf(profile, catalog);
            return acceptance.Counted
                ? acceptance.Head + UsersOwn(acceptance.Models, user) + acceptance.Tail
                : acceptance.Head + acceptance.Tail;
        }

        /// <summary>Describe's parts that do not depend on the user, made once per profile and catalog.</summary>
        private static (string Head, bool Counted, string Tail) DescribeParts(Profile profile, AuthenticatorCatalog catalog, IReadOnlyList<PasskeyAuthenticator> accepted)
        {
            var names = accepted
                .OrderBy(e => Array.IndexOf(KindOrder, e.ProviderKind))
                .Select(e => e.Name)
                .Distinct(StringComparer.OrdinalIgnoreCase)
                .ToList();
            var unknown = UnknownAllowListed(profile, catalog).Count;
            var counted = names.Count > NamesShown;
            var list = names.Count == 0 ? "no model in the catalog"
                : !counted ? string.Join(", ", names)
                : Counted(accepted);
            var tail = unknown > 0 ? $" (+{unknown} allow-listed AAGUID{(unknown == 1 ? string.Empty : "s")} not in the catalog)" : string.Empty;

            var not = new List<string>();
            if ((profile.PasskeyTypes & PasskeyTypes.Synced) == 0)
            {
                not.Add("synced passkeys");
            }

            if ((profile.PasskeyTypes & PasskeyTypes.DeviceBound) == 0)
            {
                not.Add("device-bound passkeys");
            }

            if (!accepted.Any(e => WellKnownAaguids.IsWindowsHello(e.Aaguid)))
            {
                not.Add("Windows Hello passkeys");
            }

            tail += not.Count == 0 ? string.Empty : "; not " + string.Join(", not ", not);
            return ($"{profile.Describe()} ({Settings(profile)}) accepts {list}", counted, tail);
        }

        /// <summary>
        /// "Microsoft Authenticator, 227 security keys, 7 platform passkeys and 37 password managers from the catalog":
        /// Microsoft Authenticator by name, the rest counted by kind, except a few platform providers (iCloud Keychain,
        /// Google Password Manager), which a help desk knows by name.
        /// </summary>
        private static string Counted(IReadOnlyList<PasskeyAuthenticator> accepted)
        {
            var parts = new List<string>();
            if (accepted.Any(e => WellKnownAaguids.IsMicrosoftAuthenticator(e.Aaguid)))
            {
                parts.Add("Microsoft Authenticator");
            }

            var others = accepted.Where(e => !WellKnownAaguids.IsMicrosoftAuthenticator(e.Aaguid)).ToList();
            foreach (var kind in CountOrder)
            {
                var names = others.Where(e => e.ProviderKind == kind).Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (kind == ProviderKind.Platform && names.Count <= PlatformNamesShown)
                {
                    parts.AddRange(names);
                }
                else if (names.Count > 0)
                {
                    parts.Add($"{names.Count} {KindName(kind, names.Count)}");
                }
            }

            return MessageText.AndList(parts) + " from the catalog";
        }

        /// <summary>", among them YubiKey 5 NFC, which Uma Nair has registered": the user's own models the profile accepts.</summary>
        private static string UsersOwn(IReadOnlyList<PasskeyAuthenticator> accepted, UserEvidence? user)
        {
            if (user == null)
            {
                return string.Empty;
            }

            var own = user.Methods.Where(m => m.Kind == MethodKind.Fido2 && m.Aaguid.HasValue).Select(m => m.Aaguid!.Value).ToList();
            if (own.Count == 0)
            {
                return string.Empty;
            }

            var names = accepted.Where(e => own.Contains(e.Aaguid)).Select(e => e.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            return names.Count == 0 ? string.Empty : $", among them {MessageText.AndList(names)}, which {user.Name} has registered";
        }

        /// <summary>What one profile accepts from one catalog, and the user-independent text made of it.</summary>
        private sealed class Acceptance
        {
            public Acceptance(Profile profile, AuthenticatorCatalog catalog)
            {
                Models = catalog.All.Where(e => ProfileCheck.Evaluate(profile, e.Aaguid, e, null).Verdict == ProfileVerdict.Accepts).ToList();
                Names = Models.Select(e => e.Name).Distinct().ToList();
                NamesText = Names.Count == 0 ? null : string.Join(", ", Names);
                (Head, Counted, Tail) = DescribeParts(profile, catalog, Models);
            }

            public IReadOnlyList<PasskeyAuthenticator> Models { get; }

            /// <summary>The models' names, each once (ordinal), in catalog order.</summary>
            public IReadOnlyList<string> Names { get; }

            public string? NamesText { get; }

            public string Head { get; }

            /// <summary>Whether the list is said as counts by kind, after which the user's own models are named.</summary>
            public bool Counted { get; }

            public string Tail { get; }
        }

        private static string KindName(ProviderKind kind, int count)
        {
            var one = count == 1;
            switch (kind)
            {
                case ProviderKind.HardwareKey: return one ? "security key" : "security keys";
                case ProviderKind.Platform: return one ? "platform passkey" : "platform passkeys";
                case ProviderKind.PasswordManager: return one ? "password manager" : "password managers";
                default: return one ? "other authenticator app" : "other authenticator apps";
            }
        }
    }
}
