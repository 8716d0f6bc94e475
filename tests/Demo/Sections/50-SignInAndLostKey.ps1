# Two questions the help desk asks next: "I registered a passkey and cannot sign in", and "I lost my key".
$signInUsers = 'TanyaV@contoso.com', 'SamirK@contoso.com', 'UmaN@contoso.com', 'WendyS@contoso.com', 'XavierD@contoso.com', 'YaraM@contoso.com', 'ZoeR@contoso.com'
Write-Step "Registered but cannot sign in: Test-EntraPasskeySignIn -UserId TanyaV@contoso.com"
Test-EntraPasskeySignIn -UserId TanyaV@contoso.com | Show

Write-Step 'The same question for several users: which passkeys still work, and whose queue owns the rest'
$signIn = $signInUsers | Test-EntraPasskeySignIn
$signIn | Show
Write-Step "Uma's two passkeys, one line each: her synced passkey no longer fits her profile, her security key does"
($signIn | Where-Object UserPrincipalName -EQ 'UmaN@contoso.com').Passkeys | Show

Write-Step 'A lost key writes to the tenant: connect with UserAuthMethod-Passkey.ReadWrite.All and User.RevokeSessions.All'
$removerRoles = 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.AuthenticationMethod', 'Policy.Read.All',
    'UserAuthMethod-Passkey.ReadWrite.All', 'User.RevokeSessions.All', 'UserAuthMethod-TAP.ReadWrite.All'
$removerToken = New-SimulatorToken -Simulator $Simulator -Roles $removerRoles
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $removerToken -AsPlainText -Force) -GraphEndpoint $Simulator.Graph | Out-Null

Write-Step 'Zoe lost the YubiKey on her keyring. Both her YubiKeys are one model, so an AAGUID cannot say which:'
Remove-EntraPasskey -UserId ZoeR@contoso.com -Aaguid 2fc0579f-8113-47ea-b116-bb5a8db9202a -Confirm:$false -ErrorVariable ambiguous -ErrorAction SilentlyContinue
$ambiguous | ForEach-Object { "{0}: {1}" -f $_.FullyQualifiedErrorId.Split(',')[0], $_.Exception.Message } | Show

$keyring = (($signIn | Where-Object UserPrincipalName -EQ 'ZoeR@contoso.com').Passkeys | Where-Object Name -EQ 'YubiKey (keyring)').MethodId
Write-Step "See first, nothing written: Remove-EntraPasskey -UserId ZoeR@contoso.com -MethodId $keyring -RevokeSessions -WhatIf"
Remove-EntraPasskey -UserId ZoeR@contoso.com -MethodId $keyring -RevokeSessions -WhatIf

Write-Step 'Then remove it and sign her out everywhere (-Confirm:$false here; it asks by default)'
Remove-EntraPasskey -UserId ZoeR@contoso.com -MethodId $keyring -RevokeSessions -Confirm:$false | Show

Write-Step "Felix's lost YubiKey was the only thing he could complete MFA with: refused without -Force"
Remove-EntraPasskey -UserId FelixG@contoso.com -Aaguid 2fc0579f-8113-47ea-b116-bb5a8db9202a -Confirm:$false -ErrorVariable lastMethod -ErrorAction SilentlyContinue
$lastMethod | ForEach-Object { "{0}: {1}" -f $_.FullyQualifiedErrorId.Split(',')[0], $_.Exception.Message } | Show

Write-Step 'With -Force it goes, and the result hands over to New-PasskeyBootstrapTap for the pass he registers a replacement with'
$felix = Remove-EntraPasskey -UserId FelixG@contoso.com -Aaguid 2fc0579f-8113-47ea-b116-bb5a8db9202a -RevokeSessions -Force -Confirm:$false -WarningAction SilentlyContinue
$felix | Format-List UserPrincipalName, PasskeyName, SessionsRevoked, NeedsTemporaryAccessPass, NextSteps | Show
$felixTap = $felix | Where-Object NeedsTemporaryAccessPass | New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue
$felixTap | Format-List UserPrincipalName, IsUsableOnce, IsUsable, NextSteps | Show
if (-not $felix.NeedsTemporaryAccessPass -or -not $felixTap.IsUsable) { throw 'The lost-key story did not go as expected: Felix should need, and get, a usable pass.' }

# Later sections see the tenant and the connection as they were.
Reset-GraphSimulator -Simulator $Simulator
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph | Out-Null
