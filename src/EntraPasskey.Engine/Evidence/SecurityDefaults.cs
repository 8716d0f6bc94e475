namespace EntraPasskey.Engine.Evidence
{
    /// <summary>The tenant's security defaults: on, off, or unknown (<see cref="Enabled"/> null, <see cref="Gap"/> says why).</summary>
    public sealed record SecurityDefaults(bool? Enabled, EvidenceGap? Gap)
    {
        public static readonly SecurityDefaults On = new SecurityDefaults(true, null);

        public static readonly SecurityDefaults Off = new SecurityDefaults(false, null);

        public static SecurityDefaults Unknown(EvidenceGap gap) => new SecurityDefaults(null, gap);
    }
}
