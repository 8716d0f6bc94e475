BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    $script:Module = Get-Module EntraPasskey
    $script:Manifest = Import-PowerShellDataFile $env:ENTRAPASSKEY_MODULE
}

Describe 'The module manifest and layout' {
    It 'passes Test-ModuleManifest' {
        { Test-ModuleManifest -Path $env:ENTRAPASSKEY_MODULE -ErrorAction Stop } | Should -Not -Throw
    }

    It 'carries the version of Directory.Build.props' {
        [xml] $props = Get-Content (Join-Path $PSScriptRoot '../../Directory.Build.props') -Raw
        $expected = $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
        $Module.Version.ToString(3) | Should -Be $expected
    }

    It 'exports exactly the documented commands' {
        $expected = 'Connect-EntraPasskey', 'Disconnect-EntraPasskey', 'Get-EntraPasskeyContext', 'Get-PasskeyAuthenticator', 'Get-PasskeyRegistrationFailures', 'New-PasskeyBootstrapTap', 'Remove-EntraPasskey', 'Test-EntraPasskey', 'Test-EntraPasskeySignIn', 'Test-PasskeyPolicyDesign'
        ($Module.ExportedCommands.Keys | Sort-Object) | Should -Be ($expected | Sort-Object)
    }

    It 'supports Windows PowerShell 5.1 and PowerShell 7' {
        $Manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $Manifest.PowerShellVersion | Should -Be '5.1'
    }

    It 'loads nothing into the default context through the manifest' {
        $Manifest.ContainsKey('RequiredAssemblies') | Should -BeFalse
        $Manifest.ContainsKey('NestedModules') | Should -BeFalse
    }

    It 'keeps third-party assemblies under Dependencies' {
        $root = Split-Path $env:ENTRAPASSKEY_MODULE
        (Get-ChildItem $root -Filter *.dll).Name | Sort-Object | Should -Be @('EntraPasskey.dll', 'EntraPasskey.Model.dll')
        Test-Path (Join-Path $root 'Dependencies/Microsoft.Graph.dll') | Should -BeTrue
        Test-Path (Join-Path $root 'Dependencies/Core/EntraPasskey.Loader.dll') | Should -BeTrue
    }

    It 'makes the output types usable from scripts' {
        [EntraPasskey.Verdict]::Blocked | Should -Be 'Blocked'
        [EntraPasskey.PasskeyDiagnosis].FullName | Should -Be 'EntraPasskey.PasskeyDiagnosis'
        [EntraPasskey.LayerCatalog]::OwnerOf([EntraPasskey.PasskeyLayer]::RecentMfaSession) | Should -Be 'User'
    }
}

Describe 'The format file' {
    It 'has a table view and a detailed list view for diagnoses' {
        $views = (Get-FormatData -TypeName 'EntraPasskey.PasskeyDiagnosis').FormatViewDefinition
        ($views | Where-Object { $_.Control -is [System.Management.Automation.TableControl] }).Name | Should -Be 'EntraPasskey.PasskeyDiagnosis'
        ($views | Where-Object { $_.Control -is [System.Management.Automation.ListControl] }).Name | Should -Be 'EntraPasskey.PasskeyDiagnosis.Detail'
    }

    It 'shows a lone user in the detailed view' {
        (Get-FormatData -TypeName 'EntraPasskey.PasskeyDiagnosis#Detail').FormatViewDefinition.Name | Should -Be 'EntraPasskey.PasskeyDiagnosis.Detail'
    }
}

Describe 'Cmdlet declarations' {
    It 'binds <Command> -UserId from the pipeline by value and by property name, with the documented aliases' -ForEach @(
        @{ Command = 'Test-EntraPasskey' }
        @{ Command = 'New-PasskeyBootstrapTap' }
        @{ Command = 'Get-PasskeyRegistrationFailures' }
        @{ Command = 'Remove-EntraPasskey' }
        @{ Command = 'Test-EntraPasskeySignIn' }
    ) {
        $parameter = (Get-Command $Command).Parameters['UserId']
        $attribute = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
        $attribute.ValueFromPipeline | Should -BeTrue
        $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
        $attribute.Position | Should -Be 0
        $parameter.Aliases | Sort-Object | Should -Be @('Id', 'ObjectId', 'UPN', 'UserPrincipalName')
    }

    It 'declares its output types' {
        (Get-Command Test-EntraPasskey).OutputType.Name | Should -Contain 'EntraPasskey.PasskeyDiagnosis'
        (Get-Command Get-EntraPasskeyContext).OutputType.Name | Should -Contain 'EntraPasskey.EntraPasskeyContext'
    }

    It 'does not offer -WhatIf on read-only commands' {
        foreach ($name in 'Test-EntraPasskey', 'Test-EntraPasskeySignIn', 'Get-EntraPasskeyContext', 'Connect-EntraPasskey') {
            (Get-Command $name).Parameters.ContainsKey('WhatIf') | Should -BeFalse -Because "$name changes nothing in the tenant"
        }
    }
}

Describe 'Errors nobody foresaw' {
    BeforeAll {
        # A command built on the module's base class, as every exported command is, that fails in the ways a command
        # can: an unexpected .NET exception, an engine error it does not handle, a PowerShell error it raises itself.
        $source = @'
using System;
using System.Management.Automation;

namespace EntraPasskey.Tests
{
    [Cmdlet(VerbsDiagnostic.Test, "BaseCommandFailure")]
    public sealed class TestBaseCommandFailureCommand : EntraPasskey.Commands.EntraPasskeyCommandBase
    {
        [Parameter(Mandatory = true)]
        public string How { get; set; }

        protected override void Process()
        {
            switch (How)
            {
                case "Unexpected": throw new InvalidOperationException("Something nobody planned for.");
                case "EngineError": throw new EntraPasskey.EntraPasskeyException("SomeEngineError", EntraPasskey.ErrorKind.NotFound, "Not there.", "Look elsewhere.");
                default: WriteError(new ErrorRecord(new Exception("A plain error."), "PlainError", ErrorCategory.NotSpecified, null)); break;
            }
        }
    }
}
'@
        if (-not ('EntraPasskey.Tests.TestBaseCommandFailureCommand' -as [type])) {
            $references = [EntraPasskey.Commands.EntraPasskeyCommandBase], [EntraPasskey.EntraPasskeyException], [System.Management.Automation.PSCmdlet] |
                ForEach-Object { $_.Assembly.Location }
            Add-Type -TypeDefinition $source -ReferencedAssemblies (@($references) + 'netstandard') -IgnoreWarnings -WarningAction SilentlyContinue
        }
        Import-Module -Assembly ([EntraPasskey.Tests.TestBaseCommandFailureCommand].Assembly)
    }

    It 'every exported command is built on the base class that maps them' {
        foreach ($command in (Get-Module EntraPasskey).ExportedCmdlets.Values) {
            $command.ImplementingType.IsSubclassOf([EntraPasskey.Commands.EntraPasskeyCommandBase]) | Should -BeTrue -Because "$($command.Name) must map unexpected exceptions"
        }
    }

    It 'an unexpected exception ends the command as UnexpectedError, naming the command and keeping the exception' {
        $failure = $null
        try { Test-BaseCommandFailure -How Unexpected } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'UnexpectedError,EntraPasskey.Tests.TestBaseCommandFailureCommand'
        $failure.CategoryInfo.Category | Should -Be 'InvalidOperation'
        $failure.Exception.Message | Should -Be 'Test-BaseCommandFailure failed unexpectedly (InvalidOperationException): Something nobody planned for.'
        $failure.Exception.InnerException | Should -BeOfType [InvalidOperationException]
        $failure.ErrorDetails.RecommendedAction | Should -Match '-Verbose'
    }

    It 'an engine error the command did not handle keeps its own id and category' {
        $failure = $null
        try { Test-BaseCommandFailure -How EngineError } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'SomeEngineError,EntraPasskey.Tests.TestBaseCommandFailureCommand'
        $failure.CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }

    It 'leaves PowerShell''s own errors alone: -ErrorAction Stop stops on the command''s error, not on UnexpectedError' {
        $failure = $null
        try { Test-BaseCommandFailure -How Plain -ErrorAction Stop } catch { $failure = $_ }
        $failure.FullyQualifiedErrorId | Should -Be 'PlainError,EntraPasskey.Tests.TestBaseCommandFailureCommand'
    }
}
