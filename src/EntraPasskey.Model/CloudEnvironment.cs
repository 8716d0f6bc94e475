namespace EntraPasskey
{
    /// <summary>Microsoft Graph national clouds.</summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum CloudEnvironment : long
    {
        Global,
        USGov,
        USGovDoD,
        China,
    }
}
