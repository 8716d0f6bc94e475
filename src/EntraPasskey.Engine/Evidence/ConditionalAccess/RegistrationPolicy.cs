namespace EntraPasskey.Engine.Evidence
{
    /// <summary>A Conditional Access policy on the user action "Register security information" (urn:user:registersecurityinfo).</summary>
    public sealed record RegistrationPolicy(
        string Id,
        string DisplayName,
        ConditionalAccessState State,
        AccessPolicyUsers Users,
        AccessPolicyConditions Conditions,
        AccessPolicyGrant Grant);

    /// <summary>Only Enabled policies are enforced; report-only policies log what they would have done.</summary>
    public enum ConditionalAccessState
    {
        Enabled,
        ReportOnly,
        Disabled,
    }
}
