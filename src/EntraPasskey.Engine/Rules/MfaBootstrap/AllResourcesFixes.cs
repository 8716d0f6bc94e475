using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// What gets a user past each demand <see cref="AllResourcesPolicies"/> finds in an All-resources policy: one fix
    /// text per <see cref="AllResourcesDemand"/>, whichever rule reports the demand (certain, conditional or with its
    /// scope unknown).
    /// </summary>
    internal static class AllResourcesFixes
    {
        /// <summary>The way past a block on All resources for this user.</summary>
        public static string Block(string policy, string user) =>
            $"Find out why '{policy}' blocks {user} (a block on all resources is usually deliberate: an account on hold or under investigation). If they should register a passkey, exclude them (or a group they are in) from it; a Temporary Access Pass cannot get past a block.";

        /// <summary>
        /// What gets the user past the strength: a Temporary Access Pass when the strength accepts one and a pass would
        /// be usable; the Temporary Access Pass policy when only it stands in the way; otherwise the way out of the loop
        /// Microsoft documents (graph-facts §8.2): split desktop and mobile policies and allow a pass on mobile.
        /// </summary>
        public static string AuthStrength(string policy, AuthenticationStrength strength, DiagnosisInput input)
        {
            var user = input.User.Name;
            var obstacle = TapBootstrap.Obstacle(input.Tenant, input.User);
            var strengthRejectsTap = TapBootstrap.StrengthRejects(input.Tenant, strength);
            if (obstacle == null && strengthRejectsTap == null)
            {
                return $"{TapBootstrap.Sentence(TapBootstrap.IssuePass(strength))}: '{strength.DisplayName}' accepts one and {user} can use it. They sign in with it and add the passkey before it expires.";
            }

            if (strengthRejectsTap == null)
            {
                return obstacle!.Fix == null
                    ? $"'{strength.DisplayName}' accepts a Temporary Access Pass, but no pass can work for {user}: {obstacle.Why}. Exclude {user} from '{policy}', or change its strength to one they can meet."
                    : $"'{strength.DisplayName}' accepts a Temporary Access Pass, but a new pass would not work for {user} yet: {obstacle.Why}. {TapBootstrap.Sentence(obstacle.Fix)}, then {TapBootstrap.IssuePass(strength)}.";
            }

            return $"Split '{policy}' into a desktop policy and a mobile (iOS/Android) policy whose authentication strength also accepts a Temporary Access Pass (for example a custom strength of Temporary Access Pass or passkey), or exclude {user} from it while they onboard; then issue a pass with New-PasskeyBootstrapTap so they can sign in and add the passkey."
                + (obstacle == null ? string.Empty : $" A pass would not work for {user} yet either: {obstacle.Why}" + (obstacle.Fix == null ? "." : $"; {obstacle.Fix}."));
        }

        /// <summary>The documented workaround for an approved-client-app or app-protection demand, for this policy.</summary>
        public static string AppProtection(string policy) =>
            $"Add the {AllResourcesPolicies.CredentialRegistrationApp} app to the excluded resources of '{policy}' (if it is not offered, create its service principal first: New-MgServicePrincipal -AppId {AllResourcesPolicies.CredentialRegistrationAppId}), then have the user retry in Authenticator.";

        /// <summary>The evidence value: "yes" when a pass issued now would meet the strength and be usable, else why not.</summary>
        public static string TapWouldHelp(DiagnosisInput input, AuthenticationStrength strength) =>
            TapBootstrap.WouldHelp(TapBootstrap.Obstacle(input.Tenant, input.User)?.Why, TapBootstrap.StrengthRejects(input.Tenant, strength));
    }
}
