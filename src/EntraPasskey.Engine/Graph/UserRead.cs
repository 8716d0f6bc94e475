using EntraPasskey.Engine.Evidence;

namespace EntraPasskey.Engine.Graph
{
    /// <summary>What reading one user produced: evidence or an error.</summary>
    internal sealed record UserRead(string Key, UserEvidence? Evidence, EntraPasskeyException? Error);
}
