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

        /// <summary>The same error, now about a given input.</summary>
        public EntraPasskeyException WithTarget(string target) =>
            new EntraPasskeyException(ErrorId, Kind, Message, RecommendedAction, target, InnerException);
    }
}
