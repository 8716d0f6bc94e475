using System;
using System.Collections.Generic;
using System.Linq;

namespace EntraPasskey.Engine.Evidence
{
    /// <summary>
    /// Names for the directory roles a Conditional Access policy targets (includeRoles, excludeRoles hold role
    /// template ids), so a message says "Global Administrator" instead of a GUID. The ids are the Template ID column of
    /// Microsoft's "Microsoft Entra built-in roles" (permissions-reference), for the administrator roles Conditional
    /// Access policies commonly target; the template id of a built-in role is the same in every tenant. Another id
    /// (a custom role, a role not listed) is named by its id.
    /// </summary>
    public static class DirectoryRoles
    {
        private static readonly IReadOnlyDictionary<string, string> BuiltIn = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["62e90394-69f5-4237-9190-012177145e10"] = "Global Administrator",
            ["f2ef992c-3afb-46b9-b7cf-a126ee74c451"] = "Global Reader",
            ["e8611ab8-c189-46e8-94e1-60213ab1f814"] = "Privileged Role Administrator",
            ["7be44c8a-adaf-4e2a-84d6-ab2649e08a13"] = "Privileged Authentication Administrator",
            ["194ae4cb-b126-40b2-bd5b-6091b380977d"] = "Security Administrator",
            ["5f2222b1-57c3-48ba-8ad5-d4759f1fde6f"] = "Security Operator",
            ["5d6b6bb7-de71-4623-b4af-96380a352509"] = "Security Reader",
            ["b1be1c3e-b65d-4f19-8427-f6fa0d97feb9"] = "Conditional Access Administrator",
            ["c4e39bd9-1100-46d3-8c65-fb160da0071f"] = "Authentication Administrator",
            ["0526716b-113d-4c15-b2c8-68e3c22b9f80"] = "Authentication Policy Administrator",
            ["fe930be7-5e62-47db-91af-98c3a49a38b1"] = "User Administrator",
            ["729827e3-9c14-49f7-bb1b-9608f156bbb8"] = "Helpdesk Administrator",
            ["966707d0-3269-4727-9be2-8c3a10f19b9d"] = "Password Administrator",
            ["fdd7a751-b60b-444a-984c-02652fe8fa1c"] = "Groups Administrator",
            ["9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3"] = "Application Administrator",
            ["158c047a-c907-4556-b7ef-446551a6b5f7"] = "Cloud Application Administrator",
            ["8ac3fc64-6eca-42ea-9e69-59f4c7b60eb2"] = "Hybrid Identity Administrator",
            ["7698a772-787b-4ac8-901f-60d6b08affd2"] = "Cloud Device Administrator",
            ["3a2c62db-5318-420d-8d74-23affee5d9d5"] = "Intune Administrator",
            ["29232cdf-9323-42fd-ade2-1d097af3e4de"] = "Exchange Administrator",
            ["f28a1f50-f6e7-4571-818b-6a12f2af6b6c"] = "SharePoint Administrator",
            ["69091246-20e8-4a56-aa4d-066075b2a7a8"] = "Teams Administrator",
            ["b0f54661-2d74-4c50-afa3-1ec803f12efe"] = "Billing Administrator",
            ["4d6ac14f-3453-41d0-bef9-a3e0c569773a"] = "License Administrator",
            ["8329153b-31d0-4727-b945-745eb3bc5f31"] = "Domain Name Administrator",
            ["be2f45a1-457d-42af-a067-6ec1fa63bc45"] = "External Identity Provider Administrator",
            ["4a5d8f65-41da-4de4-8968-e035b65339cf"] = "Reports Reader",
        };

        /// <summary>"Global Administrator", or "directory role {id}" for an id this table does not name.</summary>
        public static string Name(string templateId) =>
            BuiltIn.TryGetValue(templateId, out var name) ? name : "directory role " + templateId;

        /// <summary>"the Global Administrator role", "the Global Administrator or Security Administrator role".</summary>
        public static string Describe(IReadOnlyCollection<string> templateIds)
        {
            var names = templateIds.Select(Name).ToList();
            var named = names.Where(n => !n.StartsWith("directory role ", StringComparison.Ordinal)).ToList();
            var unnamed = names.Except(named).ToList();
            var parts = new List<string>();
            if (named.Count > 0)
            {
                parts.Add($"the {MessageText.OrList(named)} role");
            }

            parts.AddRange(unnamed);
            return MessageText.OrList(parts);
        }
    }
}
