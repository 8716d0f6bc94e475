namespace EntraPasskey
{
    /// <summary>A message the engine wants shown; the cmdlets write it on the pipeline thread. Never holds a secret.</summary>
    public sealed class EngineMessage
    {
        public EngineMessage(EngineMessageKind kind, string text)
        {
            Kind = kind;
            Text = text;
        }

        public EngineMessageKind Kind { get; }

        public string Text { get; }

        public override string ToString() => $"{Kind}: {Text}";
    }

    // long: ConvertTo-Json writes a long-based enum as its name, without -EnumsAsStrings and on Windows PowerShell 5.1.
    public enum EngineMessageKind : long
    {
        Verbose,
        Debug,
        Warning,
    }
}
