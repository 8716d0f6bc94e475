namespace EntraPasskey
{
    /// <summary>Microsoft Graph national clouds.</summary>
    public enum CloudEnvironment
    {
        Global,
        USGov,
        USGovDoD,
        China,
    }
}
