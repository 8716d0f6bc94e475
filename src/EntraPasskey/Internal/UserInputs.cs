using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using EntraPasskey.Engine.Diagnosis;

namespace EntraPasskey.Internal
{
    /// <summary>
    /// Numbers the user ids a command receives (every value of -UserId, from the parameter or the pipeline) and, for
    /// one that cannot name a user, says where it came from (<see cref="InputOrigin"/>): an error then says "input 3"
    /// and, for an object from the pipeline (an Import-Csv row, a hashtable), what else it carried to find it by.
    /// </summary>
    internal sealed class UserInputs
    {
        private const int PropertiesShown = 3;
        private const int ValueShown = 40;
        private const int KeysShown = 10;

        /// <summary>
        /// Columns whose values are never quoted back: a row exported from New-PasskeyBootstrapTap carries the pass in
        /// TemporaryAccessPass, and other exports carry passwords, secrets or tokens; an error must not repeat them.
        /// </summary>
        private static readonly string[] SecretNameParts = { "pass", "secret", "token", "credential", "key" };

        /// <summary>The parameter's name and aliases: the properties PowerShell binds to -UserId.</summary>
        private static readonly string[] IdProperties = { "UserId", UserIdAliases.Id, UserIdAliases.UserPrincipalName, UserIdAliases.Upn, UserIdAliases.ObjectId };

        /// <summary>
        /// The object PowerShell is processing: a compiled cmdlet gets only what was bound from it, and PowerShell
        /// (5.1 and 7) keeps the object itself on this internal property. Without it, errors still give the position.
        /// </summary>
        private static readonly PropertyInfo? CurrentPipelineObject = typeof(PSCmdlet).Assembly
            .GetType("System.Management.Automation.Internal.InternalCommand")
            ?.GetProperty("CurrentPipelineObject", BindingFlags.Instance | BindingFlags.NonPublic);

        private long _count;

        /// <summary>The values bound to -UserId in this ProcessRecord (null for $null), each with its origin.</summary>
        public IReadOnlyList<(string Input, InputOrigin Origin)> Take(PSCmdlet cmdlet, IEnumerable<string?>? values)
        {
            var taken = new List<(string, InputOrigin)>();
            foreach (var value in values ?? new string?[] { null })
            {
                var position = ++_count;
                // Describing an object costs a walk over its properties: only an input that is refused needs it.
                var origin = UserKey.TryParse(value, out _, out _) ? new InputOrigin(position) : Describe(position, PipelineObject(cmdlet));
                taken.Add((value ?? string.Empty, origin));
            }

            return taken;
        }

        private static PSObject? PipelineObject(PSCmdlet cmdlet)
        {
            if (!cmdlet.MyInvocation.ExpectingInput)
            {
                return null;
            }

            try
            {
                return CurrentPipelineObject?.GetValue(cmdlet) as PSObject;
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }

        private static InputOrigin Describe(long position, PSObject? source)
        {
            var item = source?.BaseObject;
            if (item == null || item is string || item.GetType().IsPrimitive || item is Guid)
            {
                return new InputOrigin(position);
            }

            if (item is IDictionary dictionary)
            {
                var keys = dictionary.Keys.Cast<object>().Select(k => k?.ToString() ?? string.Empty).Take(KeysShown).ToList();
                return new InputOrigin(position, hashtableKeys: keys);
            }

            var properties = Properties(source!);
            var empty = properties.FirstOrDefault(p => IsId(p.Name) && string.IsNullOrWhiteSpace(p.Value)).Name;
            var others = properties.Where(p => !IsId(p.Name) && !IsSecret(p.Name) && !string.IsNullOrWhiteSpace(p.Value)).Take(PropertiesShown)
                .Select(p => $"{p.Name} '{Shorten(p.Value!)}'").ToList();
            return new InputOrigin(position, empty, others.Count == 0 ? null : string.Join(", ", others));
        }

        /// <summary>The object's properties and their text; one whose getter throws is left out.</summary>
        private static List<(string Name, string? Value)> Properties(PSObject source)
        {
            var properties = new List<(string, string?)>();
            foreach (var property in source.Properties)
            {
                try
                {
                    properties.Add((property.Name, property.Value?.ToString()));
                }
                catch (ExtendedTypeSystemException)
                {
                }
            }

            return properties;
        }

        private static bool IsId(string name) => IdProperties.Contains(name, StringComparer.OrdinalIgnoreCase);

        private static bool IsSecret(string name) => SecretNameParts.Any(part => name.IndexOf(part, StringComparison.OrdinalIgnoreCase) >= 0);

        private static string Shorten(string value)
        {
            var line = value.Trim().Replace('\r', ' ').Replace('\n', ' ');
            return line.Length <= ValueShown ? line : line.Substring(0, ValueShown) + "...";
        }
    }
}
