using System.Management.Automation;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>Shows who is connected, to which tenant and endpoint, with which permissions (never the token).</summary>
    [Cmdlet(VerbsCommon.Get, "EntraPasskeyContext")]
    [OutputType(typeof(EntraPasskeyContext))]
    public sealed class GetEntraPasskeyContextCommand : EntraPasskeyCommandBase
    {
        protected override void Process()
        {
            ResolvedConnection resolved;
            try
            {
                resolved = ConnectionResolver.Resolve(this);
            }
            catch (EntraPasskeyException error) when (error.ErrorId == ConnectionResolver.NotConnectedId)
            {
                // Not connected is an answer here, not an error: no object, and a warning that says what to do.
                WriteWarning("Not connected: EntraPasskey commands have no connection to use. Run Connect-EntraPasskey (or Connect-MgGraph, which they borrow) first.");
                return;
            }
            catch (EntraPasskeyException error)
            {
                ThrowEngineError(error, null);
                return;
            }

            using (resolved)
            {
                WriteObject(resolved.Connection.Context);
            }
        }
    }
}
