// A PowerShell host for tests that need prompts answered (ShouldContinue, -Debug's "Continue with this
// operation?"), or refused as a non-interactive console refuses them, and want to see everything a host would have
// shown. Compiled by Add-Type in the test that uses it.
using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Security;

namespace EntraPasskeyTests
{
    public sealed class ScriptedHost : PSHost
    {
        private readonly ScriptedHostUI _ui;

        /// <param name="answer">
        /// The label (without '&') of the choice picked at every prompt, e.g. "Yes" or "No"; empty for a host that
        /// cannot prompt at all (pwsh -NonInteractive, a job, a scheduled task).
        /// </param>
        public ScriptedHost(string answer)
        {
            _ui = new ScriptedHostUI(answer);
        }

        public override string Name => "EntraPasskeyTests.ScriptedHost";

        public override Version Version => new Version(1, 0);

        public override Guid InstanceId { get; } = Guid.NewGuid();

        public override PSHostUserInterface UI => _ui;

        public override CultureInfo CurrentCulture => CultureInfo.InvariantCulture;

        public override CultureInfo CurrentUICulture => CultureInfo.InvariantCulture;

        /// <summary>Every prompt shown: caption, message and choices.</summary>
        public IReadOnlyList<string> Prompts => _ui.Prompts;

        /// <summary>Every line the host was asked to write, on any of its channels.</summary>
        public IReadOnlyList<string> Written => _ui.Written;

        public override void SetShouldExit(int exitCode)
        {
        }

        public override void EnterNestedPrompt() => throw new NotSupportedException();

        public override void ExitNestedPrompt() => throw new NotSupportedException();

        public override void NotifyBeginApplication()
        {
        }

        public override void NotifyEndApplication()
        {
        }
    }

    public sealed class ScriptedHostUI : PSHostUserInterface
    {
        private readonly string _answer;

        public ScriptedHostUI(string answer)
        {
            _answer = answer;
        }

        public List<string> Prompts { get; } = new List<string>();

        public List<string> Written { get; } = new List<string>();

        public override PSHostRawUserInterface RawUI => null!;

        public override int PromptForChoice(string caption, string message, Collection<ChoiceDescription> choices, int defaultChoice)
        {
            var labels = new List<string>();
            foreach (var choice in choices)
            {
                labels.Add(choice.Label.Replace("&", string.Empty));
            }

            Prompts.Add(caption + " | " + message + " | " + string.Join(", ", labels));
            if (string.IsNullOrEmpty(_answer))
            {
                // What the console host throws in -NonInteractive mode.
                throw new PSInvalidOperationException("PowerShell is in NonInteractive mode. Read and Prompt functionality is not available.");
            }

            var index = labels.IndexOf(_answer);
            if (index < 0)
            {
                throw new InvalidOperationException($"No choice '{_answer}' in: {string.Join(", ", labels)}");
            }

            return index;
        }

        public override Dictionary<string, PSObject> Prompt(string caption, string message, Collection<FieldDescription> descriptions) =>
            throw new NotSupportedException("Prompt: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName) =>
            throw new NotSupportedException("PromptForCredential: " + message);

        public override PSCredential PromptForCredential(string caption, string message, string userName, string targetName, PSCredentialTypes allowedCredentialTypes, PSCredentialUIOptions options) =>
            throw new NotSupportedException("PromptForCredential: " + message);

        public override string ReadLine() => throw new NotSupportedException("ReadLine");

        public override SecureString ReadLineAsSecureString() => throw new NotSupportedException("ReadLineAsSecureString");

        public override void Write(string value) => Written.Add(value);

        public override void Write(ConsoleColor foregroundColor, ConsoleColor backgroundColor, string value) => Written.Add(value);

        public override void WriteLine(string value) => Written.Add(value);

        public override void WriteErrorLine(string value) => Written.Add("ERROR: " + value);

        public override void WriteDebugLine(string message) => Written.Add("DEBUG: " + message);

        public override void WriteProgress(long sourceId, ProgressRecord record) => Written.Add("PROGRESS: " + record);

        public override void WriteVerboseLine(string message) => Written.Add("VERBOSE: " + message);

        public override void WriteWarningLine(string message) => Written.Add("WARNING: " + message);
    }
}
