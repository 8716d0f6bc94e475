using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Bootstrap;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// Whether issuing a Temporary Access Pass now would give the user a usable bootstrap method, so that no
    /// remediation sends the help desk to a pass that cannot work: <see cref="TapUsability"/> decides (the same answer
    /// New-PasskeyBootstrapTap's checks give), this says it in the diagnosis's words; and for a Conditional Access
    /// strength, whether it accepts the kind of pass the policy issues.
    /// </summary>
    public static class TapBootstrap
    {
        /// <summary>Null when a pass issued now would be usable by the user; otherwise what stands in the way first.</summary>
        public static TapObstacle? Obstacle(TenantSnapshot tenant, UserEvidence user)
        {
            var name = user.Name;
            var usability = TapUsability.Of(tenant.Tap, user);
            var tap = tenant.Tap;
            switch (usability.First)
            {
                case null:
                    return null;
                case TapBarrier.AccountDisabled:
                    return new TapObstacle($"{name}'s account is disabled, so they could not sign in with a pass", "enable the account (see layer 1)");
                case TapBarrier.ExternalGuest:
                    return new TapObstacle($"{name} is an external guest, and a Temporary Access Pass cannot be added to an external guest user", null);
                case TapBarrier.MethodDisabled:
                    return new TapObstacle(
                        "the Temporary Access Pass method is disabled",
                        usability.Included && usability.ExcludedBy == null
                            ? "have an Authentication Policy Administrator enable the Temporary Access Pass method"
                            : $"have an Authentication Policy Administrator enable the Temporary Access Pass method with {name} in its targets");
                case TapBarrier.Excluded:
                    var target = Targeting.Describe(usability.ExcludedBy!, tenant);
                    return new TapObstacle(
                        $"{name} is excluded from the Temporary Access Pass policy by {target}",
                        usability.ExcludedBy!.Kind == PolicyTargetKind.User
                            ? $"remove {name} from the Temporary Access Pass policy's exclusions"
                            : $"take {name} out of {target}, which the Temporary Access Pass policy excludes");
                default:
                    var includes = tap!.IncludeTargets.Count == 0 ? "nobody" : string.Join(", ", tap.IncludeTargets.Select(t => Targeting.Describe(t, tenant)));
                    var groups = tap.IncludeTargets.Where(t => t.Kind == PolicyTargetKind.Group).Select(t => Targeting.Describe(t, tenant)).ToList();
                    return new TapObstacle(
                        $"{name} is not in the Temporary Access Pass policy's include targets ({includes})",
                        groups.Count == 0
                            ? $"add {name} (or a group they are in) to the Temporary Access Pass policy's include targets"
                            : $"add {name} to {string.Join(" or ", groups)}, which the Temporary Access Pass policy includes");
            }
        }

        /// <summary>
        /// Null when the strength accepts a kind of pass the TAP policy lets New-PasskeyBootstrapTap issue (<see cref="IssuePass"/>
        /// says how); otherwise why not.
        /// </summary>
        public static string? StrengthRejects(TenantSnapshot tenant, AuthenticationStrength strength)
        {
            var multiUseOnly = AcceptsOnlyMultiUse(strength);
            if (AcceptsOnly(strength, AuthenticationModes.TemporaryAccessPassOneTime) || (multiUseOnly && tenant.Tap?.IsUsableOnce != true))
            {
                return null;
            }

            return multiUseOnly
                ? $"the strength '{strength.DisplayName}' accepts only multi-use passes, and the TAP policy issues one-time passes"
                : $"the strength '{strength.DisplayName}' does not accept a Temporary Access Pass";
        }

        /// <summary>
        /// How to issue a pass the strength accepts, as a clause: New-PasskeyBootstrapTap issues a one-time pass unless
        /// told -UsableOnce:$false, so a strength that accepts only multi-use passes needs that written out, or the
        /// help desk would issue a pass the strength refuses.
        /// </summary>
        public static string IssuePass(AuthenticationStrength strength) =>
            AcceptsOnlyMultiUse(strength)
                ? "issue a multi-use Temporary Access Pass with New-PasskeyBootstrapTap -UsableOnce:$false (the strength accepts only multi-use passes)"
                : "issue a Temporary Access Pass with New-PasskeyBootstrapTap";

        /// <summary>
        /// What gets a user with no usable MFA method going: a pass when one would work; otherwise why not, what to fix
        /// before a pass would work, and the other MFA-capable methods the policy lets them register.
        /// </summary>
        /// <param name="obstacle">From <see cref="Obstacle"/>.</param>
        /// <param name="allowedMethods">From <see cref="MfaAlternatives.For"/>.</param>
        /// <param name="lead">How the advice opens when a pass would not work; by default "A Temporary Access Pass would not work for X yet".</param>
        public static string Advice(UserEvidence user, TapObstacle? obstacle, IReadOnlyList<string> allowedMethods, string? lead = null)
        {
            var alternatives = MfaAlternatives.Describe(allowedMethods);
            if (obstacle == null)
            {
                return "Issue a Temporary Access Pass with New-PasskeyBootstrapTap: the user signs in with it and adds the passkey before it expires."
                    + (alternatives == null ? string.Empty : $" Or have them register {alternatives} in Security info, then retry.");
            }

            lead ??= obstacle.Fix == null ? "A Temporary Access Pass is not an option" : $"A Temporary Access Pass would not work for {user.Name} yet";
            var none = "no other MFA-capable method they could set up (Microsoft Authenticator, a phone, an authenticator app) is enabled for them in the authentication methods policy";
            if (obstacle.Fix == null)
            {
                return alternatives == null
                    ? $"{lead}: {obstacle.Why}; and {none}."
                    : $"{lead}: {obstacle.Why}. Have the user register {alternatives} in person with the help desk, then retry.";
            }

            return alternatives == null
                ? $"{lead}: {obstacle.Why}; and {none}. {Sentence(obstacle.Fix)}, then issue a pass; or enable one of those methods for them."
                : $"{lead}: {obstacle.Why}. Either {obstacle.Fix}, then issue a pass; or have the user register {alternatives} in person with the help desk, then retry.";
        }

        /// <summary>A clause capitalised to open a sentence.</summary>
        public static string Sentence(string clause) => char.ToUpperInvariant(clause[0]) + clause.Substring(1);

        /// <summary>The evidence value every rule uses: "yes", or "no: why".</summary>
        public static string WouldHelp(params string?[] whyNot)
        {
            var reasons = whyNot.Where(w => w != null).ToList();
            return reasons.Count == 0 ? "yes" : "no: " + string.Join("; and ", reasons);
        }

        private static bool AcceptsOnlyMultiUse(AuthenticationStrength strength) =>
            AcceptsOnly(strength, AuthenticationModes.TemporaryAccessPassMultiUse) && !AcceptsOnly(strength, AuthenticationModes.TemporaryAccessPassOneTime);

        /// <summary>A pass signs in on its own, so only a combination made of that mode alone accepts it.</summary>
        private static bool AcceptsOnly(AuthenticationStrength strength, string mode) =>
            strength.AllowedCombinations.Any(c => c.Count > 0 && c.All(m => string.Equals(m, mode, StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>Why a pass issued now would not work for the user, and what to do first.</summary>
    /// <param name="Why">A clause: "the Temporary Access Pass method is disabled".</param>
    /// <param name="Fix">A clause saying what makes a pass usable ("add Adele to group 'TAP Onboarding', ..."); null when nothing can (external guests).</param>
    public sealed record TapObstacle(string Why, string? Fix);
}
