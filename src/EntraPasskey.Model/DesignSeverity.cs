namespace EntraPasskey
{
    /// <summary>
    /// How much a departure from the prevention design costs, in tickets: High stops users registering passkeys (or
    /// will), Medium makes registration fail for some or bootstrap harder, Low is a risk or stale configuration, Info is
    /// worth knowing. Ordered, so findings sort by it.
    /// </summary>
    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum DesignSeverity : long
    {
        Info = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    }
}
