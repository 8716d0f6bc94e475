namespace EntraPasskey.Engine.Rules.RecentMfaSession
{
    /// <summary>Layer 4's rules, most decisive first (see <see cref="LayerPrecedence"/>).</summary>
    internal sealed class RecentMfaSessionPrecedence : LayerPrecedence
    {
        public RecentMfaSessionPrecedence()
            : base(
                PasskeyLayer.RecentMfaSession,
                typeof(SignInLogsUnavailableRule), // without the sign-in logs nothing else here can be said
                typeof(MfaSignInNotFoundRule),
                typeof(MfaSessionStaleRule))
        {
        }
    }
}
