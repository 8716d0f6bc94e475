using System;

namespace EntraPasskey
{
    /// <summary>
    /// The one exception type the engine throws for expected failures. It carries a stable error id, a kind the
    /// cmdlets map to an ErrorCategory, the input it concerns and what to do about it. Messages never carry secrets.
    /// </summary>
    public sealed class EntraPasskeyException : Exception
    {
        public EntraPasskeyException(
            string errorId,
            ErrorKind kind,
            string message,
            string? recommendedAction = null,
            string? target = null,
            Exception? innerException = null)
            : base(message, innerException)
        {
            ErrorId = errorId;
            Kind = kind;
            RecommendedAction = recommendedAction;
            Target = target;
        }

        /// <summary>Stable PascalCase id, e.g. UserNotFound.</summary>
        public string ErrorId { get; }

        public ErrorKind Kind { get; }

        public string? RecommendedAction { get; }

        /// <summary>The input (user id, UPN, ...) the error is about, when there is one.</summary>
        public string? Target { get; }

        /// <summary>
        /// For a failure every user of a run meets alike (a missing permission, a licence), the message for the users
        /// after the first: the command reports it in full once, then only this, so the permission is not repeated
        /// sentence for sentence a thousand times. Null when each occurrence says something of its own.
        /// </summary>
        public string? Brief { get; private set; }

        /// <summary>The same error, now about a given input.</summary>
        public EntraPasskeyException WithTarget(string target) =>
            new EntraPasskeyException(ErrorId, Kind, Message, RecommendedAction, target, InnerException) { Brief = Brief };

        /// <summary>The same error, with the message for its repeats.</summary>
        public EntraPasskeyException WithBrief(string brief) =>
            new EntraPasskeyException(ErrorId, Kind, Message, RecommendedAction, Target, InnerException) { Brief = brief };

        /// <summary>A repeat: the brief message (when there is one), with the same id, kind, action and input.</summary>
        public EntraPasskeyException Repeated() =>
            Brief == null ? this : new EntraPasskeyException(ErrorId, Kind, Brief, RecommendedAction, Target, this);
    }
}
