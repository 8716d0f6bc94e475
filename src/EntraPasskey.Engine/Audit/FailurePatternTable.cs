using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace EntraPasskey.Engine.Audit
{
    /// <summary>
    /// The recognisers of Get-PasskeyRegistrationFailures as data (RegistrationFailurePatterns.json, embedded):
    /// which audit events are passkey registration failures, which method they concern and which reason they show.
    /// Microsoft documents only success strings, so the patterns are ours and change without touching code.
    /// </summary>
    internal sealed class FailurePatternTable
    {
        private const string ResourceName = "EntraPasskey.Engine.Audit.RegistrationFailurePatterns.json";

        private static readonly Lazy<FailurePatternTable> s_default = new Lazy<FailurePatternTable>(LoadEmbedded);

        private readonly Dictionary<string, FailureReason> _byCode;

        private FailurePatternTable(
            IReadOnlyList<string> services,
            IReadOnlyList<string> failureResults,
            IReadOnlyList<string> abandonMarkers,
            IReadOnlyList<string> abandonActivities,
            IReadOnlyList<string> passkeyMarkers,
            IReadOnlyList<(string Pattern, string Method)> methods,
            IReadOnlyList<FailureReason> reasons,
            FailureReason unrecognised)
        {
            Services = services;
            FailureResults = failureResults;
            AbandonMarkers = abandonMarkers;
            AbandonActivities = abandonActivities;
            PasskeyMarkers = passkeyMarkers;
            Methods = methods;
            Reasons = reasons;
            Unrecognised = unrecognised;
            _byCode = reasons.Concat(new[] { unrecognised }).ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase);
        }

        public static FailurePatternTable Default => s_default.Value;

        /// <summary>The loggedByService values of passkey registration events, in the order they are read.</summary>
        public IReadOnlyList<string> Services { get; }

        /// <summary>Whether an event's loggedByService is one of <see cref="Services"/>.</summary>
        public bool IsReadService(string? service) =>
            Services.Any(s => string.Equals(s, service, StringComparison.OrdinalIgnoreCase));

        /// <summary>Audit results that mean the attempt failed.</summary>
        public IReadOnlyList<string> FailureResults { get; }

        /// <summary>Text of events that record a user giving up, whatever their result says.</summary>
        public IReadOnlyList<string> AbandonMarkers { get; }

        /// <summary>The activity names of those events, exactly, for a server-side filter.</summary>
        public IReadOnlyList<string> AbandonActivities { get; }

        /// <summary>Text that makes an event about a passkey (FIDO2) rather than another method.</summary>
        public IReadOnlyList<string> PasskeyMarkers { get; }

        /// <summary>Text that names the kind of passkey, first match wins.</summary>
        public IReadOnlyList<(string Pattern, string Method)> Methods { get; }

        /// <summary>The normalised reasons in rank order.</summary>
        public IReadOnlyList<FailureReason> Reasons { get; }

        /// <summary>What a failure whose text matches no reason becomes; ranks after every known reason.</summary>
        public FailureReason Unrecognised { get; }

        /// <summary>The reason with this code (Log Analytics rows carry the code); unknown codes are Unrecognised.</summary>
        public FailureReason ByCode(string? code) =>
            code != null && _byCode.TryGetValue(code, out var reason) ? reason : Unrecognised;

        public static FailurePatternTable Parse(string json)
        {
            using var document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            var root = document.RootElement;
            var reasons = root.GetProperty("reasons").EnumerateArray()
                .Select((entry, index) => new FailureReason(
                    entry.GetProperty("reason").GetString()!,
                    index,
                    Strings(entry.GetProperty("patterns")),
                    (PasskeyLayer)entry.GetProperty("layer").GetInt32(),
                    (OwnerQueue)Enum.Parse(typeof(OwnerQueue), entry.GetProperty("owner").GetString()!),
                    entry.GetProperty("meaning").GetString()!,
                    entry.GetProperty("remediation").GetString()!))
                .ToList();
            var fallback = root.GetProperty("unrecognised");
            var unrecognised = new FailureReason(
                fallback.GetProperty("reason").GetString()!,
                reasons.Count,
                Array.Empty<string>(),
                null,
                null,
                fallback.GetProperty("meaning").GetString()!,
                fallback.GetProperty("remediation").GetString()!);
            var methods = root.GetProperty("methods").EnumerateArray()
                .Select(m => (m.GetProperty("pattern").GetString()!, m.GetProperty("method").GetString()!))
                .ToList();
            return new FailurePatternTable(
                Strings(root.GetProperty("services")),
                Strings(root.GetProperty("failureResults")),
                Strings(root.GetProperty("abandonMarkers")),
                Strings(root.GetProperty("abandonActivities")),
                Strings(root.GetProperty("passkeyMarkers")),
                methods,
                reasons,
                unrecognised);
        }

        private static FailurePatternTable LoadEmbedded()
        {
            using var stream = typeof(FailurePatternTable).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd());
        }

        private static IReadOnlyList<string> Strings(JsonElement array) =>
            array.EnumerateArray().Select(e => e.GetString()!).ToList();
    }
}
