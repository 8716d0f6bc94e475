using System.Management.Automation;
using EntraPasskey.Internal;

namespace EntraPasskey.Commands
{
    /// <summary>Shows who is connected, to which tenant and endpoint, with which permissions (never the token).</summary>
    [Cmdlet(VerbsCommon.Get, "EntraPasskeyContext")]
    [OutputType(typeof(EntraPasskeyContext))]
    public sealed class GetEntraPasskeyContextCommand : EntraPasskeyCommandBase
    {
        protected override void ProcessRecord()
        {
            var current = ConnectionState.Current;
            if (current != null)
            {
                WriteObject(current.Context);
                return;
            }

            (Engine.Connection.EntraPasskeyConnection Connection, bool Borrowed) borrowed;
            try
            {
                borrowed = ConnectionResolver.Resolve(this);
            }
            catch (EntraPasskeyException error) when (error.ErrorId == "NotConnected")
            {
                return;
            }

            WriteObject(borrowed.Connection.Context);
            ConnectionResolver.Release(borrowed);
        }
    }
}
