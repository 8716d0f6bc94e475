using System;

namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>The one line a help desk reads out with a new pass: where to sign in, what to register, and by when.</summary>
    public static class TapNextSteps
    {
        public const string SecurityInfoUrl = "https://aka.ms/mysecurityinfo";

        public static string For(string name, DateTimeOffset start, DateTimeOffset expires, bool isUsableOnce, bool isUsable, string? usabilityReason)
        {
            var blocker = isUsable || usabilityReason == "NotYetValid"
                ? string.Empty
                : usabilityReason == "DisabledByPolicy"
                    ? $"The pass cannot be used until the Temporary Access Pass policy is enabled for {name} (Graph: DisabledByPolicy). "
                    : $"Graph reports the pass as not usable ({usabilityReason ?? "no reason given"}). ";
            var register = isUsableOnce
                ? "and register the passkey and a backup method within the 10 minutes a one-time pass allows after that sign-in"
                : "and register the passkey and a backup method";
            return blocker
                + $"Give the pass to {name} out of band; between {TapTimes.Format(start)} and {TapTimes.Format(expires)} they sign in at {SecurityInfoUrl} with it "
                + register
                + $"; at {TapTimes.Format(expires)} the pass expires.";
        }
    }
}
