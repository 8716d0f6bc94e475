namespace EntraPasskey.Engine.Bootstrap.Checks
{
    /// <summary>Graph rejects a multi-use pass when the TAP policy makes every pass one-time.</summary>
    public sealed class MultiUseNotAllowedCheck : ITapCheck
    {
        public const string ErrorId = "TapMultiUseNotAllowed";

        public TapCheckFinding? Evaluate(TapCheckInput input)
        {
            if (input.IsUsableOnce || !input.Policy.IsUsableOnce)
            {
                return null;
            }

            return new TapCheckFinding(
                ErrorId, ErrorKind.InvalidArgument, TapCheckSeverity.Refuse,
                $"The Temporary Access Pass policy allows only one-time passes (isUsableOnce is on), so no multi-use pass was issued to {input.User.Name}.",
                "Leave out -UsableOnce:$false to issue a one-time pass, or have an Authentication Policy Administrator allow multi-use passes in the Temporary Access Pass policy.");
        }
    }
}
