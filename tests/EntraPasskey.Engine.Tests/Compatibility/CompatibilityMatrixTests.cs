using System;
using System.Linq;
using EntraPasskey.Engine.Compatibility;
using Xunit;

namespace EntraPasskey.Engine.Tests.Compatibility
{
    /// <summary>The embedded matrix and the parsing of what the sign-in logs say about the device.</summary>
    public sealed class CompatibilityMatrixTests
    {
        [Fact]
        public void Default_CoversEveryPlatformTheCmdletAccepts()
        {
            var names = CompatibilityMatrix.Default.Platforms.Select(p => p.Name).OrderBy(n => n);

            Assert.Equal(new[] { "Android", "ChromeOS", "iOS", "Linux", "macOS", "Windows" }, names);
        }

        [Theory]
        [InlineData("Windows10", "Windows", "10")]
        [InlineData("Windows 11", "Windows", "11")]
        [InlineData("Windows", "Windows", null)]
        [InlineData("Ios 17.2", "iOS", "17.2")]
        [InlineData("iOS", "iOS", null)]
        [InlineData("MacOs", "macOS", null)]
        [InlineData("Mac OS X 14.1", "macOS", "14.1")]
        [InlineData("Android 14", "Android", "14")]
        [InlineData("ChromeOS", "ChromeOS", null)]
        [InlineData("Linux", "Linux", null)]
        public void Recognise_OperatingSystemStringsFromTheLogs(string logged, string platform, string? version)
        {
            var recognised = CompatibilityMatrix.Default.Recognise(logged);

            Assert.NotNull(recognised);
            Assert.Equal(platform, recognised!.Value.Platform.Name);
            Assert.Equal(version, recognised.Value.Version);
        }

        [Fact]
        public void Recognise_UnknownOperatingSystem_IsNull()
        {
            Assert.Null(CompatibilityMatrix.Default.Recognise("PlayStation"));
        }

        [Theory]
        [InlineData("Edge 131.0.2903", "Edge", "131.0.2903")]
        [InlineData("Chrome 120.0.6099", "Chrome", "120.0.6099")]
        [InlineData("Chrome Mobile 121", "Chrome", "121")]
        [InlineData("Mobile Safari", "Safari", null)]
        [InlineData("Safari 17.1", "Safari", "17.1")]
        [InlineData("Firefox 133.0", "Firefox", "133.0")]
        [InlineData("Rich Client 5.2.0", null, null)]
        [InlineData("", null, null)]
        public void BrowserNames_FromTheLogs(string logged, string? name, string? version)
        {
            Assert.Equal((name, version), BrowserNames.Recognise(logged));
        }

        [Theory]
        [InlineData("16.7", "17", true)]
        [InlineData("17", "17", false)]
        [InlineData("17.0.1", "17", false)]
        [InlineData("10.0.17763", "10.0.18362", true)]
        [InlineData("10", "10.0.18362", false)]
        [InlineData("11", "10.0.18362", false)]
        [InlineData("75.0.3770", "76", true)]
        [InlineData("not a version", "76", false)]
        public void VersionText_IsOlderOnlyWhenCertain(string actual, string minimum, bool older)
        {
            Assert.Equal(older, VersionText.IsOlder(actual, minimum));
        }

        [Fact]
        public void Parse_RejectsAnEmptyMatrix()
        {
            Assert.ThrowsAny<Exception>(() => CompatibilityMatrix.Parse("null"));
        }
    }
}
