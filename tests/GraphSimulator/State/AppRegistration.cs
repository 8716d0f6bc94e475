using System.Collections.Generic;

namespace GraphSimulator.State;

/// <summary>An application that may ask the token endpoint for app-only tokens.</summary>
internal sealed record AppRegistration(
    string ClientId,
    string DisplayName,
    string? ClientSecret,
    string? CertificateThumbprint,
    string? CertificatePem,
    IReadOnlyList<string> Roles);
