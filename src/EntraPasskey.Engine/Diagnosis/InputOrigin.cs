using System;
using System.Collections.Generic;

namespace EntraPasskey.Engine.Diagnosis
{
    /// <summary>
    /// Where a user id came from, so an error about it can say which input it was: its place among the command's
    /// inputs (1-based) and, for an object from the pipeline (an Import-Csv row, a hashtable), what else it carried.
    /// </summary>
    public sealed class InputOrigin
    {
        /// <param name="position">1 for the command's first user id, counting every value of every pipeline object.</param>
        /// <param name="emptyProperty">The id property the object had but left blank (UserPrincipalName, Id, ...).</param>
        /// <param name="otherProperties">The object's other properties, said briefly ("DisplayName 'Grace Taylor', Department 'Ops'").</param>
        /// <param name="hashtableKeys">The keys of a hashtable given as input: PowerShell binds a hashtable by value, never by its keys.</param>
        public InputOrigin(long position, string? emptyProperty = null, string? otherProperties = null, IReadOnlyList<string>? hashtableKeys = null)
        {
            if (position < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(position), position, "Positions count from 1.");
            }

            Position = position;
            EmptyProperty = emptyProperty;
            OtherProperties = otherProperties;
            HashtableKeys = hashtableKeys;
        }

        public long Position { get; }

        public string? EmptyProperty { get; }

        public string? OtherProperties { get; }

        public IReadOnlyList<string>? HashtableKeys { get; }
    }
}
