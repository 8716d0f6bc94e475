using System;
using System.Threading;
using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Turns a failed read of optional evidence into an <see cref="EvidenceGap"/>: a missing permission or licence
    /// there makes a finding Unknown, never an error record for the user. Callers let cancellation propagate.
    /// </summary>
    internal static class EvidenceGaps
    {
        public static EvidenceGap From(Exception exception, GraphCall call, CancellationToken cancellationToken)
        {
            var error = GraphErrors.FromException(exception, call, null, cancellationToken);
            // A missing permission is the same for every user: the run warns once in full (naming what it costs), and
            // each finding that quotes the gap only names the permission.
            return error is EntraPasskeyException known
                ? new EvidenceGap(
                    known.Kind == ErrorKind.PermissionDenied ? $"the Microsoft Graph permission {call.Permission} is missing." : known.Message,
                    known.Kind == ErrorKind.PermissionDenied ? call.Permission : null,
                    known.Kind == ErrorKind.PermissionDenied || known.Kind == ErrorKind.LicenceRequired)
                : new EvidenceGap($"Microsoft Graph failed to {call.Purpose}: {error.Message}", null);
        }
    }
}
