using System;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>One method a user has registered, with the details the rules need.</summary>
    public sealed record RegisteredMethod(MethodKind Kind, string Id)
    {
        public string? DisplayName { get; init; }

        /// <summary>Phone: mobile, alternateMobile or office.</summary>
        public string? PhoneType { get; init; }

        /// <summary>External authentication method: the id of its method configuration.</summary>
        public string? ConfigurationId { get; init; }

        /// <summary>Microsoft Authenticator: the app version the phone last reported.</summary>
        public string? AppVersion { get; init; }

        /// <summary>When the method was registered (Graph's createdDateTime), when Graph says.</summary>
        public DateTimeOffset? CreatedAt { get; init; }

        public Guid? Aaguid { get; init; }

        /// <summary>FIDO2: the authenticator model as Graph names it ("YubiKey 5 Series with NFC").</summary>
        public string? Model { get; init; }

        /// <summary>FIDO2: deviceBound or synced.</summary>
        public string? PasskeyType { get; init; }

        public string? AttestationLevel { get; init; }

        public bool? TapIsUsable { get; init; }

        /// <summary>TAP: EnabledByPolicy, DisabledByPolicy, Expired, NotYetValid or OneTimeUsed.</summary>
        public string? TapUsabilityReason { get; init; }

        public DateTimeOffset? TapStart { get; init; }

        public int? TapLifetimeMinutes { get; init; }

        public bool? TapIsUsableOnce { get; init; }

        public string Describe() => DisplayName == null ? MethodNames.Of(this) : $"{MethodNames.Of(this)} '{DisplayName}'";
    }
}
