using System;

namespace EntraPasskey.Engine.Tests.Fixtures
{
    /// <summary>AAGUIDs of well-known authenticators, as the catalog lists them.</summary>
    internal static class Aaguids
    {
        public static readonly Guid AuthenticatorIos = new Guid("90a3ccdf-635c-4729-a248-9b709135078f");
        public static readonly Guid AuthenticatorAndroid = new Guid("de1e552d-db1d-4423-a619-566b625cdc84");
        public static readonly Guid WindowsHelloTpm = new Guid("08987058-cadc-4b81-b6e1-30de50dcbe96");
        public static readonly Guid WindowsHelloVbs = new Guid("9ddd1817-af5a-4672-a2b9-3e3dd95000a9");
        public static readonly Guid WindowsHelloSoftware = new Guid("6028b017-b1d4-4c02-b4b3-afcdafc96bb2");
        public static readonly Guid ICloudKeychain = new Guid("fbfc3007-154e-4ecc-8c0b-6e020557d7bd");
        public static readonly Guid GooglePasswordManager = new Guid("ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4");
        public static readonly Guid OnePassword = new Guid("bada5566-a7aa-401f-bd96-45619a55120d");
        public static readonly Guid ChromeOnMac = new Guid("adce0002-35bc-c60a-648b-0b25f1f05503");
        public static readonly Guid YubiKey5 = new Guid("cb69481e-8ff7-4039-93ec-0a2729a154a8");
        public static readonly Guid YubiKey5Nfc = new Guid("a25342c0-3cdc-4414-8e46-f4807fca511c");
        public static readonly Guid YubiKey5NfcOlder = new Guid("2fc0579f-8113-47ea-b116-bb5a8db9202a");
        public static readonly Guid FeitianEpass = new Guid("833b721a-ff5f-4d00-bb2e-bdda3ec01e29");
        public static readonly Guid LedgerNanoX = new Guid("fcb1bcb4-f370-078c-6993-bc24d0ae3fbe");
        public static readonly Guid Unknown = new Guid("12345678-1234-4321-8765-1234567890ab");
    }
}
