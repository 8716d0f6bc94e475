using System;
using System.Collections.Generic;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using EntraPasskey.Engine.Rules;

namespace EntraPasskey.Engine.Design.Checks.Profiles
{
    /// <summary>
    /// An allow list names some AAGUIDs of a model but not its siblings. One security key model has several AAGUIDs
    /// (firmware versions, consumer and enterprise profiles), and the key a user holds may carry any of them: its
    /// registration fails and nobody can tell why. Models are matched by name in the AAGUID catalog.
    /// </summary>
    public sealed class AllowListMissingSiblingAaguidsCheck : IDesignCheck
    {
        public string Id => "AllowListMissingSiblingAaguids";

        public string Title => "Allow lists name every AAGUID of each model";

        public DesignSeverity Severity => DesignSeverity.Medium;

        public Uri Documentation => DesignDocs.AttestationVendors;

        public DesignOutcome? Evaluate(DesignInput input)
        {
            var problems = new List<string>();
            var missingAll = new List<string>();
            var targets = new List<PolicyTarget>();
            foreach (var (profile, profileTargets) in ProfilesInUse.Of(input.Tenant.Fido2))
            {
                var restrictions = profile.KeyRestrictions;
                if (!restrictions.IsEnforced || restrictions.Mode != KeyRestrictionMode.Allow)
                {
                    continue;
                }

                var listed = new HashSet<Guid>(restrictions.Aaguids);
                var models = restrictions.Aaguids
                    .Select(a => input.Authenticators.Find(a))
                    .Where(e => e != null)
                    .Select(e => e!.Name)
                    .Distinct(StringComparer.OrdinalIgnoreCase);
                foreach (var model in models)
                {
                    var missing = input.Authenticators.All
                        .Where(e => string.Equals(e.Name, model, StringComparison.OrdinalIgnoreCase) && !listed.Contains(e.Aaguid))
                        .Select(e => e.Aaguid.ToString())
                        .ToList();
                    if (missing.Count > 0)
                    {
                        problems.Add($"{profile.Describe()} lists {model} without {string.Join(", ", missing)}");
                        missingAll.AddRange(missing);
                        targets.AddRange(profileTargets);
                    }
                }
            }

            if (problems.Count == 0)
            {
                return null;
            }

            return DesignOutcome.Fail(
                $"An allow list names a model but not all of its AAGUIDs: {string.Join("; ", problems)}. A key of that model carrying a missing AAGUID fails to register.",
                "Add every AAGUID of each allowed model (Get-PasskeyAuthenticator -Name '<model>' | Select-Object Aaguid), or check with the vendor which AAGUIDs your keys carry.",
                Facts.Of(("missingAaguids", string.Join(", ", missingAll.Distinct()))),
                input.Sizes.Of(targets.Distinct(), input.Tenant));
        }
    }
}
