namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>What a pre-issue check found, and how it bears on issuing the pass.</summary>
    public sealed record TapCheckFinding(string ErrorId, ErrorKind Kind, TapCheckSeverity Severity, string Message, string RecommendedAction)
    {
        public EntraPasskeyException ToException(string target) =>
            new EntraPasskeyException(ErrorId, Kind, Message, RecommendedAction, target);
    }

    public enum TapCheckSeverity
    {
        /// <summary>Graph would refuse, or the pass would be pointless: never issued, whatever -Force says.</summary>
        Refuse,

        /// <summary>Graph would create the pass but it could not be used to sign in: issued only with -Force.</summary>
        Unusable,

        /// <summary>Issuing replaces a pass the user may be about to use: the caller confirms, or passes -Force.</summary>
        Replace,
    }
}
