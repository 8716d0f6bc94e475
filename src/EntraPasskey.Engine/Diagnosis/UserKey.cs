using System;
using System.Linq;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>Validates what a caller passed as a user: an object id (GUID) or a user principal name.</summary>
    public static class UserKey
    {
        private static readonly char[] ForbiddenInUpn = { '/', '\\', '?', '"', '<', '>', '|', ',', ';', ':', '(', ')', '[', ']' };

        /// <summary>The key to use in Graph paths, or an error that names the input.</summary>
        public static bool TryParse(string? input, out string key, out EntraPasskeyException? error)
        {
            key = string.Empty;
            error = null;
            var text = input?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                error = new EntraPasskeyException(
                    "UserIdEmpty", ErrorKind.InvalidArgument,
                    "The user id is empty.",
                    "Pass an object id (GUID) or a user principal name such as adele.vance@contoso.com.", input ?? string.Empty);
                return false;
            }

            if (Guid.TryParse(text, out var id))
            {
                key = id.ToString("D");
                return true;
            }

            // PowerShell binds an object with none of the -UserId property names by value, as its text "@{...}";
            // saying so beats calling that text a malformed user name.
            if (text!.StartsWith("@{", StringComparison.Ordinal) && text.EndsWith("}", StringComparison.Ordinal))
            {
                error = new EntraPasskeyException(
                    "UserIdMalformed", ErrorKind.InvalidArgument,
                    $"The input object {text} has no Id, UserPrincipalName, UPN or ObjectId property, so it does not name a user.",
                    "Give each input object an Id or UserPrincipalName property, or pass object ids or user principal names.", input);
                return false;
            }

            var at = text.IndexOf('@');
            var wellFormed = at > 0
                && at == text.LastIndexOf('@')
                && at < text.Length - 1
                && !text.Any(char.IsWhiteSpace)
                && !text.Any(char.IsControl)
                && text.IndexOfAny(ForbiddenInUpn) < 0;
            if (!wellFormed)
            {
                error = new EntraPasskeyException(
                    "UserIdMalformed", ErrorKind.InvalidArgument,
                    $"'{input}' is neither an object id (GUID) nor a user principal name (name@domain).",
                    "Pass an object id (GUID) or a user principal name such as adele.vance@contoso.com.", input);
                return false;
            }

            key = text;
            return true;
        }
    }
}
