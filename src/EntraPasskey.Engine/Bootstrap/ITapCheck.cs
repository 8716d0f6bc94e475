namespace EntraPasskey.Engine.Bootstrap
{
    /// <summary>One check before issuing a Temporary Access Pass: a pure function of the policy, the user and the request.</summary>
    public interface ITapCheck
    {
        /// <summary>Null when the check has nothing to say.</summary>
        TapCheckFinding? Evaluate(TapCheckInput input);
    }
}
