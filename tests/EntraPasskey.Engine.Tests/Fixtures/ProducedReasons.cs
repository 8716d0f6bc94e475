using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>
    /// The reason codes that the diagnoses made through <see cref="Diagnose"/> gave while some code ran: what lets a test
    /// check that every reason code has a test that produces it.
    /// </summary>
    internal static class ProducedReasons
    {
        private static readonly AsyncLocal<HashSet<string>?> Recording = new AsyncLocal<HashSet<string>?>();

        public static void Record(PasskeyDiagnosis diagnosis)
        {
            var recording = Recording.Value;
            if (recording == null)
            {
                return;
            }

            foreach (var finding in diagnosis.Findings)
            {
                if (finding.ReasonCode != null)
                {
                    recording.Add(finding.ReasonCode);
                }
            }
        }

        public static void Record(PasskeySignInDiagnosis diagnosis)
        {
            var recording = Recording.Value;
            if (recording == null)
            {
                return;
            }

            foreach (var code in diagnosis.Passkeys.Select(c => c.ReasonCode).Append(diagnosis.SignInLogs.ReasonCode).Append(diagnosis.ReasonCode))
            {
                if (code != null)
                {
                    recording.Add(code);
                }
            }
        }

        /// <summary>Runs <paramref name="action"/> and returns every reason code a diagnosis gave meanwhile.</summary>
        public static IReadOnlyCollection<string> During(Action action)
        {
            var recording = new HashSet<string>(StringComparer.Ordinal);
            Recording.Value = recording;
            try
            {
                action();
            }
            finally
            {
                Recording.Value = null;
            }

            return recording;
        }
    }
}
