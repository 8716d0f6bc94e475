using System;
using System.Linq;
using System.Management.Automation;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>
    /// Looks up authenticator models by AAGUID or name in the built-in catalog, optionally extended by a FIDO
    /// Alliance MDS3 BLOB whose signature chain is verified first. No Graph connection is needed.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "PasskeyAuthenticator", DefaultParameterSetName = ListSet)]
    [OutputType(typeof(PasskeyAuthenticator))]
    public sealed class GetPasskeyAuthenticatorCommand : EntraPasskeyCommandBase
    {
        private const string ListSet = "List";
        private const string ByAaguidSet = "ByAaguid";

        private AuthenticatorLookup? _lookup;

        /// <summary>
        /// AAGUIDs to look up (from Get-MgUserAuthenticationFido2Method objects, audit events, CSV rows, ...). Graph's
        /// property is spelled AaGuid; PowerShell binds property names case-insensitively, and an alias differing
        /// only in case is refused as a conflict, so none is declared.
        /// </summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = ByAaguidSet)]
        public Guid[]? Aaguid { get; set; }

        /// <summary>Names to list; wildcards allowed. Without it every entry is listed.</summary>
        [Parameter(ParameterSetName = ListSet)]
        [SupportsWildcards]
        [ValidateNotNullOrEmpty]
        public string[]? Name { get; set; }

        /// <summary>A FIDO Alliance MDS3 BLOB file whose entries override and extend the built-in catalog.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? MetadataPath { get; set; }

        /// <summary>The root certificate the BLOB must chain to, instead of the FIDO Alliance's.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? RootCertificatePath { get; set; }

        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (RootCertificatePath != null && MetadataPath == null)
            {
                ThrowEngineError(new EntraPasskeyException("RootCertificateWithoutMetadata", ErrorKind.InvalidArgument,
                    "-RootCertificatePath says whom a metadata BLOB must chain to; it needs -MetadataPath.", "Pass -MetadataPath as well, or leave out -RootCertificatePath."), RootCertificatePath);
            }

            var metadataPath = MetadataPath == null ? null : GetUnresolvedProviderPathFromPSPath(MetadataPath);
            var rootPath = RootCertificatePath == null ? null : GetUnresolvedProviderPathFromPSPath(RootCertificatePath);
            var now = DateTimeOffset.UtcNow;
            try
            {
                _lookup = AuthenticatorLookup.Open(metadataPath, rootPath, now);
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, error.Target == rootPath ? RootCertificatePath : MetadataPath);
            }

            var blob = _lookup!.Blob;
            if (blob != null)
            {
                WriteVerbose($"Verified metadata BLOB {blob.Number?.ToString() ?? "(no number)"}: {blob.Authenticators.Count} FIDO2 authenticators, {blob.SkippedEntries} other entries skipped.");
                if (blob.NextUpdate.HasValue && blob.NextUpdate.Value < now)
                {
                    WriteWarning($"The metadata BLOB was due to be replaced on {blob.NextUpdate.Value:yyyy-MM-dd}; download a current one from the FIDO Alliance Metadata Service.");
                }
            }
        }

        protected override void ProcessRecord()
        {
            if (ParameterSetName != ByAaguidSet)
            {
                return;
            }

            foreach (var aaguid in Aaguid ?? Array.Empty<Guid>())
            {
                var entry = _lookup!.Find(aaguid);
                if (entry != null)
                {
                    WriteObject(entry);
                    continue;
                }

                WriteEngineError(new EntraPasskeyException("AuthenticatorNotFound", ErrorKind.NotFound,
                    $"AAGUID {aaguid} is not in the {(MetadataPath == null ? "built-in catalog" : "built-in catalog or the metadata BLOB")}.",
                    MetadataPath == null ? "Pass -MetadataPath with a current FIDO MDS3 BLOB to look further, or ask the vendor which model it is." : "Ask the vendor which model it is; software providers are not in FIDO metadata."), aaguid);
            }
        }

        protected override void EndProcessing()
        {
            if (ParameterSetName != ListSet)
            {
                return;
            }

            var patterns = (Name ?? new[] { "*" }).Select(n => (Text: n, Pattern: new WildcardPattern(n, WildcardOptions.IgnoreCase))).ToList();
            foreach (var entry in _lookup!.All.Where(e => patterns.Any(p => p.Pattern.IsMatch(e.Name))))
            {
                WriteObject(entry);
            }

            // As Get-Process -Name does: a name without wildcards that matches nothing is an error; a pattern is a filter.
            foreach (var name in patterns.Where(p => !WildcardPattern.ContainsWildcardCharacters(p.Text) && !_lookup.All.Any(e => p.Pattern.IsMatch(e.Name))).Select(p => p.Text))
            {
                WriteEngineError(new EntraPasskeyException("AuthenticatorNotFound", ErrorKind.NotFound,
                    $"No authenticator is named '{name}'.", "Use a wildcard (-Name '*YubiKey*') or list every entry with Get-PasskeyAuthenticator."), name);
            }
        }
    }
}
