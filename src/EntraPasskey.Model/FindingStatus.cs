namespace EntraPasskey
{
    /// <summary>The outcome of one layer for one user.</summary>
    public enum FindingStatus
    {
        Pass,
        Fail,
        Warn,
        Unknown,
        NotChecked,
    }
}
