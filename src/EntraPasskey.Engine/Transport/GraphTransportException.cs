using System;

namespace EntraPasskey.Engine.Transport
{
    internal enum TransportFailure
    {
        /// <summary>No reply: the connection was refused, reset or closed before Graph answered.</summary>
        Unreachable,

        /// <summary>No reply within the attempt's time.</summary>
        TimedOut,

        /// <summary>A reply that is not Graph's JSON (an HTML page, a body cut off).</summary>
        Unreadable,
    }

    /// <summary>
    /// A request the transport gave up on after its attempts. It says what went wrong in a user's words; the caller
    /// adds what the request was for (<see cref="Graph.GraphErrors"/>).
    /// </summary>
    internal sealed class GraphTransportException : Exception
    {
        public GraphTransportException(TransportFailure failure, string detail, int attempts, int? status = null, Exception? innerException = null)
            : base($"{failure}: {detail}", innerException)
        {
            Failure = failure;
            Detail = detail;
            Attempts = attempts;
            Status = status;
        }

        public TransportFailure Failure { get; }

        /// <summary>What happened, in words that complete "…: " (e.g. "the connection was reset", "an HTML page").</summary>
        public string Detail { get; }

        public int Attempts { get; }

        /// <summary>The reply's HTTP status, for an unreadable reply.</summary>
        public int? Status { get; }
    }
}
