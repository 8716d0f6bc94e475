using System;
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

        /// <summary>Checks the BLOB's certificate chain as of the BLOB's own nextUpdate date instead of today.</summary>
        [Parameter]
        public SwitchParameter VerifyAsOfBlobDate { get; set; }

        protected override void Begin()
        {
            if (RootCertificatePath != null && MetadataPath == null)
            {
                ThrowEngineError(new EntraPasskeyException("RootCertificateWithoutMetadata", ErrorKind.InvalidArgument,
                    "-RootCertificatePath says whom a metadata BLOB must chain to; it needs -MetadataPath.", "Pass -MetadataPath as well, or leave out -RootCertificatePath."), RootCertificatePath);
            }

            if (VerifyAsOfBlobDate && MetadataPath == null)
            {
                ThrowEngineError(new EntraPasskeyException("VerifyAsOfBlobDateWithoutMetadata", ErrorKind.InvalidArgument,
                    "-VerifyAsOfBlobDate says when to check a metadata BLOB's certificate chain; it needs -MetadataPath.", "Pass -MetadataPath as well, or leave out -VerifyAsOfBlobDate."), null);
            }

            var metadataPath = MetadataPath == null ? null : GetUnresolvedProviderPathFromPSPath(MetadataPath);
            var rootPath = RootCertificatePath == null ? null : GetUnresolvedProviderPathFromPSPath(RootCertificatePath);
            try
            {
                _lookup = AuthenticatorLookup.Open(metadataPath, rootPath, VerifyAsOfBlobDate, DateTimeOffset.UtcNow);
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, error.Target == rootPath ? RootCertificatePath : MetadataPath);
            }

            foreach (var note in _lookup!.Notes)
            {
                WriteVerbose(note);
            }

            if (_lookup.StaleWarning != null)
            {
                WriteWarning(_lookup.StaleWarning);
            }
        }

        protected override void Process()
        {
            if (ParameterSetName != ByAaguidSet)
            {
                return;
            }

            foreach (var aaguid in Aaguid ?? Array.Empty<Guid>())
            {
                if (_lookup!.TryFind(aaguid, out var entry, out var notFound))
                {
                    WriteObject(entry);
                }
                else
                {
                    WriteEngineError(notFound!, aaguid);
                }
            }
        }

        protected override void End()
        {
            if (ParameterSetName != ListSet)
            {
                return;
            }

            var (entries, notFound) = _lookup!.Match(Name);
            WriteObject(entries, enumerateCollection: true);
            foreach (var error in notFound)
            {
                WriteEngineError(error, null);
            }
        }
    }
}
