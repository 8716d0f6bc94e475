namespace EntraPasskey.Engine.Evidence
{
    /// <summary>A group a policy targets. <see cref="Exists"/> is false when the id no longer resolves (a deleted group).</summary>
    public sealed record GroupInfo(string Id, string? DisplayName, bool Exists)
    {
        public string Describe() => DisplayName == null ? Id : $"'{DisplayName}' ({Id})";
    }
}
