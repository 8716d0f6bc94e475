<#
.SYNOPSIS
    build.ps1 -Task Sandbox: the session that tries the module by hand against the Graph simulator build.ps1 started.
.DESCRIPTION
    Dot-sourced into the session build.ps1 opens, so what it defines stays there: imports the built module, connects
    it to the simulator with a token carrying every permission the commands use (reading, Temporary Access Passes,
    removing passkeys), and defines $SandboxGraph (the simulator's Graph endpoint) and Get-SandboxUser. build.ps1
    stops the simulator when this session exits.
#>
param(
    [Parameter(Mandatory)] [string] $Graph,
    # A generated tenant rather than the sample tenant (tests/GraphSimulator/tenants/contoso.json).
    [switch] $Generated
)

Import-Module $env:ENTRAPASSKEY_MODULE
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1') -Function New-SimulatorToken

# What Connect-EntraPasskey -GraphEndpoint takes here (Get-Help Connect-EntraPasskey -Examples).
$SandboxGraph = $Graph
# A day: an -AccessToken connection is never renewed, and a sandbox session can outlive an hour.
$sandboxRoles = 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.ReadWrite.All', 'Policy.Read.All',
    'AuditLog.Read.All', 'Organization.Read.All', 'User.RevokeSessions.All'
$sandboxToken = New-SimulatorToken -Simulator ([pscustomobject]@{ Graph = $SandboxGraph }) -Roles $sandboxRoles -ExpiresInSeconds 86400
$null = Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $sandboxToken -AsPlainText -Force) -GraphEndpoint $SandboxGraph

function Get-SandboxUser {
    <#
    .SYNOPSIS
        Every user of the sandbox tenant (id, userPrincipalName, displayName), as Get-MgUser -All gives them for a
        real tenant: pipe them to Test-EntraPasskey.
    #>
    [CmdletBinding()]
    param()
    $headers = @{ Authorization = "Bearer $sandboxToken" }
    $page = "$SandboxGraph/v1.0/users?`$select=id,userPrincipalName,displayName&`$top=999"
    while ($page) {
        $response = Invoke-RestMethod -Uri $page -Headers $headers
        $response.value
        $page = $response.'@odata.nextLink'
    }
}

$sandboxUsers = @(Get-SandboxUser)
$tenantName = if ($Generated) { "a generated tenant of $($sandboxUsers.Count) users" } else { "the sample tenant (Contoso, $($sandboxUsers.Count) users)" }
Write-Host ''
Write-Host "EntraPasskey sandbox: $tenantName, simulated on $SandboxGraph, connected (Get-EntraPasskeyContext)."
Write-Host 'Try:'
if ($Generated) {
    Write-Host "    Test-EntraPasskey $($sandboxUsers[0].userPrincipalName)"
}
else {
    Write-Host '    Test-EntraPasskey AdeleV@contoso.com'
    Write-Host '    Test-EntraPasskey LeeG@contoso.com -Aaguid fbfc3007-154e-4ecc-8c0b-6e020557d7bd'
}
Write-Host '    Get-SandboxUser | Test-EntraPasskey                 # every user, as Get-MgUser -All | Test-EntraPasskey'
Write-Host '    Get-SandboxUser | Test-EntraPasskey | Group-Object Verdict, Layer -NoElement'
Write-Host '    Test-PasskeyPolicyDesign'
Write-Host '    Get-Help about_EntraPasskey'
Write-Host 'Type exit to leave; the simulator stops with the session.'
Remove-Variable Graph, Generated, sandboxRoles, sandboxUsers, tenantName
function prompt { "[sandbox] PS $($executionContext.SessionState.Path.CurrentLocation)> " }
