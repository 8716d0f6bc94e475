using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>Whether one registered method can satisfy MFA for this user, and why not.</summary>
    /// <param name="WhyNot">Null unless <see cref="Standing"/> is DoesNotCount.</param>
    /// <param name="DisallowingPolicies">For OnlyUnderLegacyPolicies: the method policies that do not allow it (e.g. "Sms/Voice").</param>
    public sealed record MfaAssessment(RegisteredMethod Method, MfaStanding Standing, string? WhyNot, string? DisallowingPolicies)
    {
        public static MfaAssessment Yes(RegisteredMethod method) => new MfaAssessment(method, MfaStanding.Counts, null, null);

        public static MfaAssessment No(RegisteredMethod method, string why) => new MfaAssessment(method, MfaStanding.DoesNotCount, why, null);

        /// <summary>A registered passkey the user's passkey profiles no longer admit: it cannot sign in, so it cannot satisfy MFA.</summary>
        public static MfaAssessment RejectedByProfiles(RegisteredMethod passkey, string rejection) =>
            new MfaAssessment(passkey, MfaStanding.DoesNotCount, "rejected at sign-in by the user's passkey profiles: " + rejection, null)
            {
                PasskeyProfileRejection = rejection,
            };

        /// <summary>For a passkey its profiles reject: why every profile does; otherwise null.</summary>
        public string? PasskeyProfileRejection { get; init; }
    }

    public enum MfaStanding
    {
        Counts,

        /// <summary>
        /// The authentication methods policy does not allow it, but the tenant has not finished migrating, so the
        /// legacy MFA/SSPR policies (which Graph does not show) may still allow it.
        /// </summary>
        OnlyUnderLegacyPolicies,

        DoesNotCount,
    }
}
