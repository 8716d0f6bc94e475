using System.Collections.Generic;

namespace EntraPasskey.Engine.Rules.SignIn
{
    /// <summary>
    /// What a failed sign-in's status.errorCode means, for the AADSTS codes Microsoft documents
    /// (MicrosoftDocs/entra-docs docs/identity-platform/reference-error-codes.md) that a sign-in with a passkey can
    /// end with. Microsoft documents no code specific to a passkey refused by a key restriction, a passkey type or a
    /// strength's allowed AAGUIDs; a code not listed here is reported as it is, with its failure reason.
    /// </summary>
    public static class SignInErrorCodes
    {
        private static readonly Dictionary<int, SignInErrorMeaning> Documented = new Dictionary<int, SignInErrorMeaning>
        {
            [53003] = new SignInErrorMeaning("BlockedByConditionalAccess", "a Conditional Access policy blocked the sign-in (for example one whose authentication strength the passkey does not meet)", OwnerQueue.IdentityTeam, "Look up the failing policy on the sign-in's Conditional Access tab."),
            [50074] = new SignInErrorMeaning("UserStrongAuthClientAuthNRequiredInterrupt", "strong authentication was required and the user did not pass the MFA challenge", OwnerQueue.User, "Ask the user to sign in again and complete the passkey prompt."),
            [50076] = new SignInErrorMeaning("UserStrongAuthClientAuthNRequired", "a policy required multifactor authentication the sign-in did not provide", OwnerQueue.User, "Ask the user to sign in again with the passkey (Sign-in options), not the password."),
            [50053] = new SignInErrorMeaning("IdsLocked", "the account is locked after too many attempts, or the sign-in came from an IP address with malicious activity", OwnerQueue.IdentityTeam, "Check the failure reason of the sign-in and unlock the account if appropriate."),
            [50057] = new SignInErrorMeaning("UserDisabled", "the user account is disabled", OwnerQueue.IdentityTeam, "Enable the account if the user should sign in."),
            [135010] = new SignInErrorMeaning("KeyNotFound", "Entra did not find the key the device presented (a passkey removed from the account, or one made for another account)", OwnerQueue.User, "Ask the user to choose a passkey registered to this account, or to register a new one."),
            [135011] = new SignInErrorMeaning("DeviceDisabled", "the device used during the authentication is disabled", OwnerQueue.IdentityTeam, "Enable the device in Entra ID, or have the user sign in from another device."),
            [53000] = new SignInErrorMeaning("DeviceNotCompliant", "Conditional Access required a compliant device, and the device is not compliant", OwnerQueue.Endpoint, "Have the device enrolled and made compliant, or sign in from a compliant device."),
            [53001] = new SignInErrorMeaning("DeviceNotDomainJoined", "Conditional Access required a domain-joined device", OwnerQueue.Endpoint, "Sign in from a hybrid joined device."),
        };

        /// <summary>The documented meaning of an AADSTS code, or null when Microsoft documents none we map.</summary>
        public static SignInErrorMeaning? Of(int code) => Documented.TryGetValue(code, out var meaning) ? meaning : null;
    }

    /// <param name="Name">Microsoft's name for the code (AADSTS53003 BlockedByConditionalAccess).</param>
    /// <param name="Meaning">What it means, in words that finish "the sign-in failed because ...".</param>
    public sealed record SignInErrorMeaning(string Name, string Meaning, OwnerQueue Owner, string Remediation);
}
