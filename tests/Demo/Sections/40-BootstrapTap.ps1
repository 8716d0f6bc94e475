# A user with no MFA-capable method is stuck at layer 3; a Temporary Access Pass bootstraps them.
$bootstrapUser = 'NestorW@contoso.com'
Write-Step "Someone with only a password and a personal email: Test-EntraPasskey -UserId $bootstrapUser"
$before = Test-EntraPasskey -UserId $bootstrapUser
$before | Format-List UserPrincipalName, Verdict, Layer, Owner, ReasonCode, Summary, Fix | Show

Write-Step 'Issuing a pass writes to the tenant: connect with UserAuthenticationMethod.ReadWrite.All'
# A help desk app that both diagnoses and issues: the read permissions of a full diagnosis plus the write one.
$writerRoles = 'User.Read.All', 'GroupMember.Read.All', 'Policy.Read.AuthenticationMethod', 'Policy.Read.All', 'AuditLog.Read.All', 'UserAuthenticationMethod.ReadWrite.All'
$writerToken = New-SimulatorToken -Simulator $Simulator -Roles $writerRoles
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $writerToken -AsPlainText -Force) -GraphEndpoint $Simulator.Graph |
    Format-List Account, Scopes | Show

Write-Step "Checks first, nothing written: New-PasskeyBootstrapTap -UserId $bootstrapUser, pat_fabrikam.com#EXT#@contoso.onmicrosoft.com -WhatIf"
New-PasskeyBootstrapTap -UserId $bootstrapUser, 'pat_fabrikam.com#EXT#@contoso.onmicrosoft.com' -WhatIf -ErrorVariable refused -ErrorAction SilentlyContinue
$refused | ForEach-Object { "{0}: {1}" -f $_.FullyQualifiedErrorId.Split(',')[0], $_.Exception.Message } | Show

Write-Step "New-PasskeyBootstrapTap -UserId $bootstrapUser -Confirm:`$false (one-time, the policy's default lifetime)"
$tap = New-PasskeyBootstrapTap -UserId $bootstrapUser -Confirm:$false
$tap | Show

Write-Step "Test-EntraPasskey -UserId $bootstrapUser again: the usable pass counts as MFA, so layer 3 passes"
$after = Test-EntraPasskey -UserId $bootstrapUser
$layer3 = $after.Findings | Where-Object Layer -EQ 3
$layer3 | Format-List Layer, LayerName, Status, Message | Show
$after | Format-List UserPrincipalName, Verdict, Layer, Summary | Show
if ($before.BlockingLayer -ne 3 -or $layer3.Status -ne 'Pass') { throw 'The bootstrap story did not go as expected: layer 3 should fail before the pass and pass after it.' }

# Later sections see the tenant and the connection as they were.
Reset-GraphSimulator -Simulator $Simulator
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph | Out-Null
