using EntraPasskey.Engine.Evidence;
using Xunit;

namespace EntraPasskey.Engine.Tests.Rules
{
    /// <summary>Directory roles are named as Microsoft names them, not read out as template ids.</summary>
    public sealed class DirectoryRolesTests
    {
        [Theory]
        [InlineData("62e90394-69f5-4237-9190-012177145e10", "Global Administrator")]
        [InlineData("62E90394-69F5-4237-9190-012177145E10", "Global Administrator")]
        [InlineData("194ae4cb-b126-40b2-bd5b-6091b380977d", "Security Administrator")]
        [InlineData("7be44c8a-adaf-4e2a-84d6-ab2649e08a13", "Privileged Authentication Administrator")]
        [InlineData("0526716b-113d-4c15-b2c8-68e3c22b9f80", "Authentication Policy Administrator")]
        public void Name_BuiltInRole_IsItsDocumentedName(string templateId, string name)
        {
            Assert.Equal(name, DirectoryRoles.Name(templateId));
        }

        [Fact]
        public void Name_RoleTheTableDoesNotKnow_IsNamedByItsId()
        {
            Assert.Equal("directory role 11111111-2222-3333-4444-555555555555", DirectoryRoles.Name("11111111-2222-3333-4444-555555555555"));
        }

        [Theory]
        [InlineData(new[] { "62e90394-69f5-4237-9190-012177145e10" }, "the Global Administrator role")]
        [InlineData(new[] { "62e90394-69f5-4237-9190-012177145e10", "194ae4cb-b126-40b2-bd5b-6091b380977d" }, "the Global Administrator or Security Administrator role")]
        [InlineData(new[] { "62e90394-69f5-4237-9190-012177145e10", "11111111-2222-3333-4444-555555555555" }, "the Global Administrator role or directory role 11111111-2222-3333-4444-555555555555")]
        public void Describe_ReadsAsProse(string[] templateIds, string expected)
        {
            Assert.Equal(expected, DirectoryRoles.Describe(templateIds));
        }
    }
}
