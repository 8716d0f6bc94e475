using System;
using System.Linq;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>Validates what a caller passed as a user: an object id (GUID) or a user principal name.</summary>
    public static class UserKey
    {
        /// <summary>
        /// The longest user principal name Microsoft Entra ID accepts: "The total length must not exceed 113
        /// characters" (up to 64 before the "@", 48 after), Username policies in "Password policies and account
        /// restrictions in Microsoft Entra ID", learn.microsoft.com/entra/identity/authentication/concept-sspr-policy.
        /// Anything longer cannot name a user, so it is refused before any request.
        /// </summary>
        public const int MaxUserPrincipalNameLength = 113;

        /// <summary>The property names -UserId binds by (its aliases), as errors list them.</summary>
        private const string IdProperties = "Id, UserPrincipalName, UPN or ObjectId";

        /// <summary>How much of an over-long input an error quotes.</summary>
        private const int QuotedLength = 40;

        private const string PassAUser = "Pass an object id (GUID) or a user principal name such as adele.vance@contoso.com.";

        private static readonly char[] ForbiddenInUpn = { '/', '\\', '?', '"', '<', '>', '|', ',', ';', ':', '(', ')', '[', ']' };

        /// <summary>What a hashtable becomes when PowerShell binds it to a string parameter.</summary>
        private static readonly string[] DictionaryTexts = { "System.Collections.Hashtable", "System.Collections.Specialized.OrderedDictionary" };

        /// <summary>The key to use in Graph paths, or an error that names the input.</summary>
        public static bool TryParse(string? input, out string key, out EntraPasskeyException? error) =>
            TryParse(input, null, out key, out error);

        /// <summary>The key to use in Graph paths, or an error that names the input and, given its origin, which input it was.</summary>
        public static bool TryParse(string? input, InputOrigin? origin, out string key, out EntraPasskeyException? error)
        {
            key = string.Empty;
            error = Refusal(input, origin);
            if (error != null)
            {
                return false;
            }

            var text = input!.Trim();
            key = Guid.TryParse(text, out var id) ? id.ToString("D") : text;
            return true;
        }

        private static EntraPasskeyException? Refusal(string? input, InputOrigin? origin)
        {
            var text = input?.Trim();
            if (origin?.HashtableKeys != null || DictionaryTexts.Contains(text, StringComparer.Ordinal))
            {
                var keys = origin?.HashtableKeys;
                var has = keys == null ? string.Empty : keys.Count == 0 ? " (it has no keys)" : $" (its keys: {string.Join(", ", keys)})";
                return Invalid(
                    "UserIdMalformed",
                    $"{Subject(origin, "The input")} is a hashtable{has}. PowerShell binds a hashtable as one value, not by its keys, so it does not name a user; the keys looked for are Id, UserPrincipalName, UPN and ObjectId.",
                    "Make each input an object, such as [pscustomobject]@{ UserPrincipalName = 'adele.vance@contoso.com' }, or pass the value itself, such as $table.UserPrincipalName.",
                    input);
            }

            if (string.IsNullOrEmpty(text))
            {
                var message = origin?.EmptyProperty == null
                    ? $"{Lead(origin)}the user id is empty."
                    : $"{Lead(origin)}its {origin.EmptyProperty} is empty, so it names no user.";
                return Invalid("UserIdEmpty", message, PassAUser, input ?? string.Empty);
            }

            if (Guid.TryParse(text, out _))
            {
                return null;
            }

            // PowerShell binds an object with none of the -UserId property names by value, as its text "@{...}";
            // saying so beats calling that text a malformed user name.
            if (text!.StartsWith("@{", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal))
            {
                return Invalid(
                    "UserIdMalformed",
                    origin == null
                        ? $"The input object {text} has no {IdProperties} property, so it does not name a user."
                        : $"{Lead(origin)}the object has no {IdProperties} property, so it does not name a user.",
                    "Give each input object an Id or UserPrincipalName property, or pass object ids or user principal names.",
                    input);
            }

            if (text.Length > MaxUserPrincipalNameLength)
            {
                return Invalid(
                    "UserIdMalformed",
                    $"{Lead(origin)}'{text.Substring(0, QuotedLength)}...' ({text.Length} characters) is longer than a user principal name can be: Microsoft Entra ID allows at most {MaxUserPrincipalNameLength}.",
                    "Check the value: it may be several ids run together or a whole line of a file. " + PassAUser,
                    input);
            }

            var at = text.IndexOf('@');
            var wellFormed = at > 0
                && at == text.LastIndexOf('@')
                && at < text.Length - 1
                && !text.Any(char.IsWhiteSpace)
                && !text.Any(char.IsControl)
                && text.IndexOfAny(ForbiddenInUpn) < 0;
            return wellFormed
                ? null
                : Invalid("UserIdMalformed", $"{Lead(origin)}'{input}' is neither an object id (GUID) nor a user principal name (name@domain).", PassAUser, input);
        }

        /// <summary>"Input 3 (DisplayName 'Grace Taylor'): " before the message, or nothing when the origin is not known.</summary>
        private static string Lead(InputOrigin? origin) => origin == null ? string.Empty : Subject(origin, string.Empty) + ": ";

        private static string Subject(InputOrigin? origin, string unknown) =>
            origin == null
                ? unknown
                : $"Input {origin.Position}" + (origin.OtherProperties == null ? string.Empty : $" ({origin.OtherProperties})");

        /// <summary>The refusal, its message opening with a capital whether or not it leads with the input's position.</summary>
        private static EntraPasskeyException Invalid(string errorId, string message, string action, string? input) =>
            new EntraPasskeyException(errorId, ErrorKind.InvalidArgument, char.ToUpperInvariant(message[0]) + message.Substring(1), action, input);
    }
}
