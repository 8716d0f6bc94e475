using System;
using System.Runtime.InteropServices;
using System.Security;

namespace EntraPasskey.Engine.Connection
{
    internal static class SecureStrings
    {
        /// <summary>The plain text of a SecureString, for handing to a credential. Never log the result.</summary>
        public static string Reveal(SecureString value)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(value);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }
    }
}
