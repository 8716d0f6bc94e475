namespace EntraPasskey.Engine.Evidence
{
    /// <summary>A group a policy targets. <see cref="Exists"/> is false when the id no longer resolves (a deleted group).</summary>
    public sealed record GroupInfo(string Id, string? DisplayName, bool Exists)
    {
        /// <summary>
        /// How messages name the group: its display name, or its id when the name is unknown, said to be deleted when
        /// it no longer resolves (a deleted group's name cannot be read).
        /// </summary>
        public string Describe() => DisplayName != null ? $"'{DisplayName}'" : Exists ? Id : Id + ", now deleted";
    }
}
