using System.Management.Automation;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>Forgets the connection made by Connect-EntraPasskey.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "EntraPasskey")]
    [OutputType(typeof(void))]
    public sealed class DisconnectEntraPasskeyCommand : EntraPasskeyCommandBase
    {
        protected override void Process()
        {
            if (!ConnectionState.Clear())
            {
                WriteVerbose("There was no EntraPasskey connection to disconnect.");
            }
        }
    }
}
