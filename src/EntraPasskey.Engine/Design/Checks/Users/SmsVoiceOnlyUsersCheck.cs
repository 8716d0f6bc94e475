using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Users
{
    /// <summary>
    /// Users whose only MFA method is a phone (SMS or voice). Microsoft retires its own SMS and voice delivery on
    /// 1 February 2027; after that, such users get a blocking passkey registration at sign-in. They are the next wave
    /// of passkey tickets, so the design registers them a passkey first. Counted from the registration report: a user
    /// with a phone and no other MFA method (email, security questions and a Temporary Access Pass do not last as MFA);
    /// a method name this version does not know counts as another method, so the count never overstates.
    /// </summary>
    public sealed class SmsVoiceOnlyUsersCheck : IDesignCheck
    {
        private static readonly string[] Phones = { "mobilePhone", "alternateMobilePhone", "officePhone" };

        private static readonly string[] NotLastingMfa = { "email", "securityQuestion", "temporaryAccessPass", "password" };

        private const int Named = 10;

        public string Id => "SmsVoiceOnlyUsers";

        public string Title => "No user relies on SMS or voice alone for MFA";

        public DesignSeverity Severity => DesignSeverity.High;

        public Uri Documentation => DesignDocs.SmsVoiceRetirement;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var report = input.Registrations;
            if (report.Gap is { } gap)
            {
                return DesignOutcome.Unreadable(
                    "Users whose only MFA method is SMS or voice could not be counted", gap,
                    "(the registration report also needs Microsoft Entra ID P1 or P2)",
                    "The registration report needs Microsoft Entra ID P1 or P2 and AuditLog.Read.All.");
            }

            var phoneOnly = report.Users.Where(IsPhoneOnly).ToList();
            if (phoneOnly.Count == 0)
            {
                return null;
            }

            var names = string.Join(", ", phoneOnly.Take(Named).Select(u => u.Name)) + (phoneOnly.Count > Named ? ", ..." : string.Empty);
            return DesignOutcome.Fail(
                $"{Count(phoneOnly.Count)} can do MFA only with SMS or voice ({names}). Microsoft-provided SMS and voice MFA is retired on 1 February 2027; after that these users must register a passkey at sign-in before they can continue, and they become tickets.",
                "Nudge them to a passkey now: target them with a passkey registration campaign (or Microsoft managed), make sure Passkey (FIDO2) and self-service setup are enabled for them, and issue Temporary Access Passes to those who cannot register.",
                Facts.Of(("phoneOnlyUsers", names), ("usersInReport", report.Users.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                new Audience(phoneOnly.Count, $"{Count(phoneOnly.Count)} in the registration report with a phone as their only MFA method"));
        }

        /// <summary>A phone registered, and nothing else that lasts as MFA.</summary>
        public static bool IsPhoneOnly(RegisteredUser user) =>
            user.MethodsRegistered.Any(m => Phones.Contains(m, StringComparer.OrdinalIgnoreCase))
            && user.MethodsRegistered.All(m => Phones.Contains(m, StringComparer.OrdinalIgnoreCase) || NotLastingMfa.Contains(m, StringComparer.OrdinalIgnoreCase));

        private static string Count(int users) => users == 1 ? "1 user" : $"{AudienceSizes.Number(users)} users";
    }
}
