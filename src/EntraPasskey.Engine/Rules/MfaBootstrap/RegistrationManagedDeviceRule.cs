using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Rules.MfaBootstrap
{
    /// <summary>
    /// An enabled registration policy that may apply requires a compliant or hybrid joined device (or an approved or
    /// protected app). A Warn, not Unknown: the requirement is known and names its fix; what cannot be known is which
    /// device the user will register from, because the registration has not happened yet. Not Ready either, since an
    /// unmanaged device would be refused.
    /// </summary>
    public sealed class RegistrationManagedDeviceRule : ILayerRule
    {
        public const string Code = "RegistrationRequiresManagedDevice";

        public PasskeyLayer Layer => PasskeyLayer.MfaBootstrap;

        public IReadOnlyList<string> ReasonCodes { get; } = new[] { Code };

        public RuleOutcome? Evaluate(DiagnosisInput input)
        {
            var device = RegistrationPolicies.Shortfalls(input).FirstOrDefault(s => s.Kind == ShortfallKind.Device);
            if (device == null)
            {
                return null;
            }

            var when = device.IsConditional ? " (" + string.Join("; ", device.Conditions) + ")" : string.Empty;
            return RuleOutcome.Warn(
                Code,
                $"Conditional Access policy '{device.Policy.DisplayName}' lets {input.User.Name} register security information only from {device.Unmet}{when}; from any other device the registration is refused.",
                "Have the user add the passkey from a managed (compliant or hybrid joined) device, or exclude them from the policy while they onboard.",
                device.Facts());
        }
    }
}
