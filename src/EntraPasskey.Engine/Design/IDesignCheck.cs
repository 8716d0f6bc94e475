using System;

namespace EntraPasskey.Engine.Design
{
    /// <summary>
    /// One rule of the passkey prevention design (product.md §7), as a pure function of the tenant's evidence. Checks
    /// are found by reflection, so a new check is one new file under Design/Checks plus its tests.
    /// </summary>
    public interface IDesignCheck
    {
        /// <summary>Stable PascalCase id, listed in about_EntraPasskey.</summary>
        string Id { get; }

        /// <summary>What the check looks at, in a few words.</summary>
        string Title { get; }

        /// <summary>The severity of a departure, unless the outcome names its own.</summary>
        DesignSeverity Severity { get; }

        /// <summary>Microsoft's documentation of the setting and the fix.</summary>
        Uri Documentation { get; }

        /// <summary>Null when the tenant meets this part of the design.</summary>
        DesignOutcome? Evaluate(DesignInput input);
    }
}
