<#
.SYNOPSIS
    build.ps1 -Task Demo: the module against the built-in simulated tenant, end to end over HTTP.
.DESCRIPTION
    Starts the Graph simulator with the sample tenant, connects, then runs the sections under Sections/ in name
    order (each a short story: diagnose the tenant, one user in full, ...). Sections share $Simulator, $Token and
    the helpers Show and Write-Step.
#>
$ErrorActionPreference = 'Stop'
# Redirected to a file or a pipe, the output is plain text: no colour codes in the file (console hosts colour anyway).
if ([Console]::IsOutputRedirected -or [Console]::IsErrorRedirected) { $PSStyle.OutputRendering = 'PlainText' }
Import-Module $env:ENTRAPASSKEY_MODULE
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1')

function Show {
    # Renders at a readable width whatever the console (the demo often runs with output redirected).
    param([Parameter(ValueFromPipeline)] $InputObject)
    end { $input | Out-String -Width 170 | Write-Host }
}

function Write-Step([string] $Text) {
    Write-Host ''
    Write-Host "== $Text" -ForegroundColor Cyan
}

$Simulator = Start-GraphSimulator -Tenant 'contoso'
try {
    Write-Step 'A simulated Contoso tenant is running on 127.0.0.1 (Microsoft Graph wire format, real HTTP)'
    Write-Host "Graph endpoint: $($Simulator.Graph)"

    Write-Step 'Connect-EntraPasskey (here with a token the simulator issued; see README for real tenants)'
    $Token = New-SimulatorToken -Simulator $Simulator
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph |
        Format-List Account, TenantId, AuthType, GraphEndpoint, Scopes | Show

    foreach ($section in Get-ChildItem (Join-Path $PSScriptRoot 'Sections') -Filter *.ps1 | Sort-Object Name) {
        . $section.FullName
    }
}
finally {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Simulator
    Write-Host ''
    Write-Host 'Simulator stopped.'
}
