namespace EntraPasskey
{
    /// <summary>
    /// How much a departure from the prevention design costs, in tickets: High stops users registering passkeys (or
    /// will), Medium makes registration fail for some or bootstrap harder, Low is a risk or stale configuration, Info is
    /// worth knowing. Ordered, so findings sort by it.
    /// </summary>
    public enum DesignSeverity
    {
        Info = 0,
        Low = 1,
        Medium = 2,
        High = 3,
    }
}
