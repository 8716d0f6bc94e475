using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using EntraPasskey.Engine.Evidence;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions.Serialization;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>
    /// Maps a sign-in read from the beta endpoint into the v1.0 SDK model: the beta-only fields
    /// (authenticationRequirement, authenticationDetails) are in AdditionalData, as untyped JSON.
    /// </summary>
    internal static class SignInMapper
    {
        /// <summary>Null for a sign-in without an id or time, which nothing can be concluded from.</summary>
        public static SignInRecord? Map(SignIn signIn)
        {
            if (signIn.Id == null || signIn.CreatedDateTime == null)
            {
                return null;
            }

            var errorCode = signIn.Status?.ErrorCode ?? 0;
            return new SignInRecord(
                signIn.Id,
                signIn.CreatedDateTime.Value,
                signIn.IsInteractive ?? true,
                errorCode == 0,
                Text(Field(signIn.AdditionalData, "authenticationRequirement")),
                Steps(Field(signIn.AdditionalData, "authenticationDetails")),
                signIn.DeviceDetail?.OperatingSystem,
                signIn.DeviceDetail?.Browser,
                signIn.AppDisplayName)
            {
                ErrorCode = errorCode,
                FailureReason = signIn.Status?.FailureReason,
            };
        }

        private static IReadOnlyList<AuthenticationStep> Steps(object? details)
        {
            if (!(details is UntypedArray array))
            {
                return Array.Empty<AuthenticationStep>();
            }

            return array.GetValue()
                .OfType<UntypedObject>()
                .Select(o => o.GetValue())
                .Select(fields => new AuthenticationStep(
                    Time(Field(fields, "authenticationStepDateTime")),
                    Text(Field(fields, "authenticationMethod")),
                    Text(Field(fields, "authenticationStepRequirement")),
                    Field(fields, "succeeded") is UntypedBoolean succeeded && succeeded.GetValue()))
                .ToList();
        }

        private static object? Field<T>(IDictionary<string, T> fields, string name) =>
            fields.TryGetValue(name, out var value) ? value : null;

        /// <summary>Kiota turns top-level strings that look like dates into DateTimeOffset; nested ones stay UntypedString.</summary>
        private static string? Text(object? value)
        {
            switch (value)
            {
                case string text: return text;
                case UntypedString untyped: return untyped.GetValue();
                case DateTimeOffset time: return time.ToString("o", CultureInfo.InvariantCulture);
                default: return null;
            }
        }

        private static DateTimeOffset? Time(object? value)
        {
            if (value is DateTimeOffset time)
            {
                return time;
            }

            return DateTimeOffset.TryParse(Text(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
                ? parsed
                : (DateTimeOffset?)null;
        }
    }
}
