namespace EntraPasskey.Internal
{
    /// <summary>
    /// The Pester suite's way to the engine's test seam (<c>EntraPasskey.Engine.TestHooks</c>), which lives in the
    /// module's private load context: <c>[EntraPasskey.Internal.TestHooks]::SetTestHook('SimulatedReportsClock', $true)</c>.
    /// </summary>
    public static class TestHooks
    {
        public static void SetTestHook(string name, object value) => Engine.TestHooks.SetTestHook(name, value);
    }
}
