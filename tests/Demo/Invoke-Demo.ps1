<#
.SYNOPSIS
    build.ps1 -Task Demo: the module against the built-in simulated tenant, end to end over HTTP.
#>
$ErrorActionPreference = 'Stop'
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

$simulator = Start-GraphSimulator -Tenant 'contoso'
try {
    Write-Step 'A simulated Contoso tenant is running on 127.0.0.1 (Microsoft Graph wire format, real HTTP)'
    Write-Host "Graph endpoint: $($simulator.Graph)"

    Write-Step 'Connect-EntraPasskey (here with a token the simulator issued; see README for real tenants)'
    $token = New-SimulatorToken -Simulator $simulator
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $simulator.Graph |
        Format-List Account, TenantId, AuthType, GraphEndpoint, Scopes | Show

    Write-Step 'Every user in the tenant through the pipeline: $users | Test-EntraPasskey'
    $headers = @{ Authorization = "Bearer $token" }
    $users = (Invoke-RestMethod -Uri "$($simulator.Graph)/v1.0/users?`$select=id,userPrincipalName,displayName&`$top=999" -Headers $headers).value
    $verdicts = $users | Test-EntraPasskey
    $verdicts | Format-Table | Show

    Write-Step 'Which queue owns which tickets'
    $verdicts | Group-Object Verdict, Owner | Sort-Object Count -Descending |
        Select-Object Count, @{ n = 'Verdict, Owner'; e = { $_.Name } } | Format-Table -AutoSize | Show

    $blocked = $verdicts | Where-Object ReasonCode -EQ 'UserExcluded' | Select-Object -First 1
    Write-Step "One user in full: Test-EntraPasskey -UserId $($blocked.UserPrincipalName) (every layer, the group that blocks, the fix)"
    Test-EntraPasskey -UserId $blocked.UserPrincipalName | Show
    Write-Host 'The evidence behind layer 1:'
    $blocked.Findings[0].Evidence | Format-Table -AutoSize | Show

    Write-Step 'Export for the identity team: $verdicts | Export-Csv passkey-report.csv'
    $csv = $verdicts | Select-Object UserPrincipalName, Verdict, BlockingLayer, Owner, ReasonCode, Findings | ConvertTo-Csv
    $csv | Select-Object -First 4 | Show
}
finally {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $simulator
    Write-Host ''
    Write-Host 'Simulator stopped.'
}
