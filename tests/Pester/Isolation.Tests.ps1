# Dependency isolation on PowerShell 7 (anchor-codebases.md B11). Each scenario runs in a fresh pwsh, because what
# matters is what is already in the default load context when the module is imported.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    $script:Token = New-SimulatorToken -Simulator $Sim
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Adele = ($tenant.users | Where-Object displayName -EQ 'Adele Vance').userPrincipalName
    $script:App = $tenant.apps | Where-Object clientSecret | Select-Object -First 1
    $script:Dependencies = Join-Path (Split-Path $env:ENTRAPASSKEY_MODULE) 'Dependencies'
    $packages = $env:ENTRAPASSKEY_PACKAGES
    # The versions the Microsoft Graph PowerShell SDK, Az and Exchange Online have shipped, restored from NuGet by
    # tests/TestDependencies. Order matters: dependencies first.
    $script:OlderAssemblies = @(
        "$packages/azure.core/1.36.0/lib/netstandard2.0/Azure.Core.dll"
        "$packages/microsoft.identity.client/4.55.0/lib/netstandard2.0/Microsoft.Identity.Client.dll"
        "$packages/azure.identity/1.10.0/lib/netstandard2.0/Azure.Identity.dll"
        "$packages/microsoft.graph.core/3.2.4/lib/netstandard2.0/Microsoft.Graph.Core.dll"
    )
    $script:LoadOlder = ($OlderAssemblies | ForEach-Object { "[void][Reflection.Assembly]::LoadFrom('$_')" }) -join "`n"
    $script:Report = @'
$watched = 'Azure.Core', 'Azure.Identity', 'Microsoft.Identity.Client', 'Microsoft.Graph.Core', 'Microsoft.Graph', 'Microsoft.Kiota.Abstractions', 'EntraPasskey', 'EntraPasskey.Model', 'EntraPasskey.Engine'
$loaded = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -in $watched } | ForEach-Object {
    @{ Name = $_.GetName().Name; Version = $_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name; Location = $_.Location }
}
'@
}

AfterAll { Stop-GraphSimulator $Sim }

Describe 'Isolation from assemblies other modules loaded first' -Skip:($PSVersionTable.PSEdition -ne 'Core') {
    It 'proves the problem: our Microsoft.Graph.Core cannot join the default context once 3.2.4 is there' {
        $script = @"
$LoadOlder
try { [void][Reflection.Assembly]::LoadFrom('$Dependencies/Microsoft.Graph.Core.dll'); 'RESULT {"Loaded":true}' }
catch { 'RESULT ' + (@{ Loaded = `$false; Message = `$_.Exception.InnerException.Message } | ConvertTo-Json -Compress) }
"@
        $result = Invoke-FreshPwsh -Script $script
        $result.Loaded | Should -BeFalse
        $result.Message | Should -Match 'same name is already loaded|Could not load file or assembly'
    }

    It 'imports and diagnoses a user with older Graph / Azure / MSAL assemblies already loaded' {
        $script = @"
`$ErrorActionPreference = 'Stop'
$LoadOlder
Import-Module '$env:ENTRAPASSKEY_MODULE'
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString '$Token' -AsPlainText -Force) -GraphEndpoint '$($Sim.Graph)' | Out-Null
`$diagnosis = Test-EntraPasskey -UserId '$Adele'
$Report
'RESULT ' + (@{ Verdict = "`$(`$diagnosis.Verdict)"; Loaded = @(`$loaded) } | ConvertTo-Json -Compress -Depth 4)
"@
        $result = Invoke-FreshPwsh -Script $script
        $result.Verdict | Should -Be 'Ready'
        $olderGraphCore = $result.Loaded | Where-Object { $_.Name -eq 'Microsoft.Graph.Core' -and $_.Version -like '3.*' }
        $olderGraphCore.Context | Should -Be 'Default' -Because 'the other module keeps its copy'
        $ours = $result.Loaded | Where-Object { $_.Name -eq 'Microsoft.Graph.Core' -and $_.Version -like '4.*' }
        $ours.Context | Should -Be 'EntraPasskey'
    }

    It 'signs in with a client secret through its own Azure.Identity and MSAL while older ones are loaded' {
        # -AccessToken never touches Azure.Identity or MSAL; a client secret credential does, and that is where a
        # session with Exchange Online or Az already holds older copies in the default context. The simulator's
        # token endpoint is https with a self-signed certificate, trusted through SSL_CERT_FILE.
        # Since Azure.Identity 1.21 the credentials live in Azure.Core (Azure.Identity.dll only forwards to it), so
        # "our Azure.Identity" is whichever loaded assembly defines ClientSecretCredential.
        $script = @"
`$ErrorActionPreference = 'Stop'
$LoadOlder
Import-Module '$env:ENTRAPASSKEY_MODULE'
`$secret = ConvertTo-SecureString '$($App.clientSecret)' -AsPlainText -Force
`$context = Connect-EntraPasskey -TenantId '$($Sim.TenantId)' -ClientId '$($App.clientId)' -ClientSecret `$secret -AuthorityHost '$($Sim.Authority)' -GraphEndpoint '$($Sim.Graph)'
`$diagnosis = Test-EntraPasskey -UserId '$Adele'
$Report
`$credentialHomes = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.GetType('Azure.Identity.ClientSecretCredential', `$false) } | ForEach-Object {
    @{ Name = `$_.GetName().Name; Version = `$_.GetName().Version.ToString(); Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
}
'RESULT ' + (@{ Mode = "`$(`$context.ConnectionMode)"; Verdict = "`$(`$diagnosis.Verdict)"; Loaded = @(`$loaded); CredentialHomes = @(`$credentialHomes) } | ConvertTo-Json -Compress -Depth 4)
"@
        $result = Invoke-FreshPwsh -Script $script -Environment @{ SSL_CERT_FILE = $Sim.Certificate }
        $result.Mode | Should -Be 'ClientSecret'
        $result.Verdict | Should -Be 'Ready'

        $ownAzureCore = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $Dependencies 'Azure.Core.dll')).Version.ToString()
        $credentialHomes = @($result.CredentialHomes | ForEach-Object { "$($_.Name) $($_.Version) $($_.Context)" } | Sort-Object)
        $credentialHomes | Should -Be @("Azure.Core $ownAzureCore EntraPasskey", 'Azure.Identity 1.10.0.0 Default') -Because 'the other module keeps its credential types and ours come from our own context'

        $older = [ordered]@{ 'Azure.Core' = '1.36.0.0'; 'Microsoft.Identity.Client' = '4.55.0.0'; 'Microsoft.Graph.Core' = '3.2.4.0' }
        foreach ($name in $older.Keys) {
            $ownVersion = [Reflection.AssemblyName]::GetAssemblyName((Join-Path $Dependencies "$name.dll")).Version.ToString()
            $ownVersion | Should -Not -Be $older[$name] -Because 'the scenario needs two different versions of each'
            $copies = @($result.Loaded | Where-Object Name -EQ $name | ForEach-Object { "$($_.Version) $($_.Context)" } | Sort-Object)
            $copies | Should -Be (@("$($older[$name]) Default", "$ownVersion EntraPasskey") | Sort-Object) -Because "the other module keeps its $name and ours loads beside it"
        }
    }

    It 'keeps every third-party assembly it loads in its own load context' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:ENTRAPASSKEY_MODULE'
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString '$Token' -AsPlainText -Force) -GraphEndpoint '$($Sim.Graph)' | Out-Null
`$null = Test-EntraPasskey -UserId '$Adele'
`$dependencies = Join-Path (Split-Path (Get-Module EntraPasskey).Path) 'Dependencies'
`$fromDependencies = [AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { `$_.Location -and `$_.Location.StartsWith(`$dependencies) -and `$_.GetName().Name -ne 'EntraPasskey.Loader' } | ForEach-Object {
    @{ Name = `$_.GetName().Name; Context = [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$_).Name }
}
$Report
'RESULT ' + (@{ FromDependencies = @(`$fromDependencies); Loaded = @(`$loaded) } | ConvertTo-Json -Compress -Depth 4)
"@
        $result = Invoke-FreshPwsh -Script $script
        $result.FromDependencies.Name | Should -Contain 'Microsoft.Graph'
        $result.FromDependencies.Name | Should -Contain 'Azure.Core'
        $result.FromDependencies.Name | Should -Contain 'Microsoft.Kiota.Abstractions'
        foreach ($assembly in $result.FromDependencies) { $assembly.Context | Should -Be 'EntraPasskey' -Because "$($assembly.Name) comes from Dependencies/" }
        ($result.Loaded | Where-Object Name -EQ 'EntraPasskey.Model').Context | Should -Be 'Default' -Because 'scripts use [EntraPasskey.*] types'
        ($result.Loaded | Where-Object Name -EQ 'EntraPasskey').Context | Should -Be 'Default'
    }
}
