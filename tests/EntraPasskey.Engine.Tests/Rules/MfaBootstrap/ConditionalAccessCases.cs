using System.Collections.Generic;
using System;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Tests.Fixtures;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>
    /// Conditional Access for the layer 3 rule tests: policies on "Register security information" and on All
    /// resources (which also cover signing in to Security info and Microsoft Authenticator to register), the
    /// strengths and the pass policy they meet.
    /// </summary>
    internal static class ConditionalAccessCases
    {
        /// <summary>The Global Administrator directory role template.</summary>
        internal const string RoleGlobalAdministrator = "62e90394-69f5-4237-9190-012177145e10";

        /// <summary>The Microsoft Authenticator Credential Registration app, which an All-resources policy may exclude.</summary>
        internal const string CredentialRegistrationApp = "6aa00308-ea33-4caa-90d6-ae905d8cb51b";

        internal static readonly AuthenticationStrength MultiUseTapOrPasskey = new AuthenticationStrength(
            "5a3b2c1d-0000-0000-0000-00000000000b", "Passkey onboarding (multi-use TAP or passkey)",
            new IReadOnlyCollection<string>[] { new[] { "temporaryAccessPassMultiUse" }, new[] { "fido2" } });

        /// <summary>A TAP policy for TAP Onboarding that lets New-PasskeyBootstrapTap issue multi-use passes.</summary>
        internal static readonly TapPolicy MultiUseTapsAllowed =
            new TapPolicy(true, new[] { PolicyTarget.Group(TenantBuilder.TapOnboarding) }, Array.Empty<PolicyTarget>(), 60, 60, 480, false, 8);

        internal static RegistrationPolicyBuilder PhishingResistantEverywhere(string name = "Phishing-resistant MFA for all resources") =>
            new RegistrationPolicyBuilder(name).Strength(RegistrationPolicyBuilder.PhishingResistant);

        /// <summary>Microsoft Intune's usual mobile policy: approved client app or app protection policy on iOS and Android.</summary>
        internal static RegistrationPolicyBuilder AppProtection(string name = "Require app protection on mobile") =>
            new RegistrationPolicyBuilder(name).Grant("approvedApplication", "compliantApplication").OnlyOn("android", "iOS");

        internal static RegistrationPolicyBuilder BlockEveryone(string name = "Block all sign-ins") =>
            new RegistrationPolicyBuilder(name).Grant("block");

        /// <summary>The default tenant with these All-resources policies.</summary>
        internal static TenantBuilder Tenant(params RegistrationPolicyBuilder[] allResources) =>
            new TenantBuilder().AllResourcesPolicies(Array.ConvertAll(allResources, p => p.BuildAllResources()));

        internal static FindingStatus Layer3(PasskeyDiagnosis diagnosis) => diagnosis.Findings[PasskeyLayer.MfaBootstrap].Status;
    }
}
