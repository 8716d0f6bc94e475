namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>Graph rejects a lifetime outside the TAP policy's minimum and maximum.</summary>
    public sealed class LifetimeOutsidePolicyCheck : ITapCheck
    {
        public const string ErrorId = "TapLifetimeOutsidePolicy";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            var policy = input.Policy;
            var lifetime = input.LifetimeInMinutes;
            if (lifetime >= policy.MinimumLifetimeInMinutes && lifetime <= policy.MaximumLifetimeInMinutes)
            {
                return null;
            }

            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidArgument, TapCheckSeverity.Refuse,
                $"A lifetime of {lifetime} minutes is outside the Temporary Access Pass policy's allowed range of {policy.MinimumLifetimeInMinutes} to {policy.MaximumLifetimeInMinutes} minutes; no pass was issued to {input.User.Name}.",
                $"Pass -LifetimeInMinutes between {policy.MinimumLifetimeInMinutes} and {policy.MaximumLifetimeInMinutes}, or leave it out for the policy's default of {policy.DefaultLifetimeInMinutes} minutes. An Authentication Policy Administrator can change the range in the Temporary Access Pass policy.");
        }
    }
}
