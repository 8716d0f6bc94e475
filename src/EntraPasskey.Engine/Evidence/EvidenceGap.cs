namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// Why optional evidence (security defaults, Conditional Access, sign-in logs) could not be read: the rules that
    /// need it say Unknown and quote this, instead of the user getting an error.
    /// </summary>
    /// <param name="Why">One sentence, e.g. the missing permission or licence.</param>
    /// <param name="MissingPermission">The Graph permission to grant, when a permission was missing.</param>
    /// <param name="Lasting">A missing permission or licence: reading again in this run will not help.</param>
    public sealed record EvidenceGap(string Why, string? MissingPermission, bool Lasting = false);
}
