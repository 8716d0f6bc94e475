# Layers 3 to 5 up close: Conditional Access on registration, the recent MFA session, the device; then what missing
# permissions and a Free tenant do to a verdict.
$upn = @{}
foreach ($user in (Invoke-RestMethod -Uri "$($Simulator.Graph)/v1.0/users?`$select=displayName,userPrincipalName&`$top=999" -Headers @{ Authorization = "Bearer $Token" }).value) {
    $upn[$user.displayName] = $user.userPrincipalName
}

Write-Step 'A new hire under the registration policy "new hires use a TAP or a passkey": would a TAP fix it?'
$diego = Test-EntraPasskey -UserId $upn['Diego Siciliani']
$diego.Findings[2] | Format-List Status, ReasonCode, Message, Remediation | Show
$diego.Findings[2].Evidence | Format-Table -AutoSize | Show

Write-Step 'MFA more than 5 minutes ago is advice for the moment of registration: the user stays Ready (layer 4)'
$henrietta = Test-EntraPasskey -UserId $upn['Henrietta Mueller']
$henrietta | Format-List Verdict, Summary | Show
$henrietta.Findings[3] | Format-List Status, ReasonCode, Remediation | Show

Write-Step 'The device, from parameters: Test-EntraPasskey -Platform/-PlatformVersion/-Browser/-Aaguid'
$cases = @(
    @{ Platform = 'iOS'; PlatformVersion = '16.7'; Browser = 'Safari'; Aaguid = '90a3ccdf-635c-4729-a248-9b709135078f' }
    @{ Platform = 'Android'; PlatformVersion = '14'; Browser = 'Firefox' }
    @{ Platform = 'macOS'; PlatformVersion = '14.2'; Browser = 'Safari' }
    @{ Platform = 'Windows'; PlatformVersion = '11'; Browser = 'Edge'; Aaguid = '90a3ccdf-635c-4729-a248-9b709135078f' }
)
$cases | ForEach-Object {
    $hints = $_
    $diagnosis = Test-EntraPasskey -UserId $upn['Adele Vance'] @hints
    [pscustomobject]@{
        Device  = "$($hints.Browser) on $($hints.Platform) $($hints.PlatformVersion)$(if ($hints.Aaguid) { ' (Authenticator passkey)' })"
        Verdict = $diagnosis.Verdict
        Reason  = $diagnosis.ReasonCode
        Owner   = $diagnosis.Owner
        Message = $diagnosis.Findings[4].Message
    }
} | Format-Table -Wrap | Show

Write-Step 'A token without Policy.Read.All: Conditional Access cannot be read, so nobody is called Ready'
Connect-Simulator -Simulator $Simulator -Roles 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.AuthenticationMethod', 'AuditLog.Read.All' | Out-Null
Test-EntraPasskey -UserId $upn['Adele Vance'] -WarningAction SilentlyContinue | Format-List Verdict, ReasonCode, Summary | Show
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph | Out-Null

Write-Step 'Fabrikam: Entra ID Free, security defaults on, legacy MFA policy not migrated'
$free = Start-GraphSimulator -Tenant 'fabrikam-free'
try {
    Connect-Simulator -Simulator $free | Out-Null
    'ben@fabrikam.com', 'chris@fabrikam.com', 'dana@fabrikam.com', 'eli@fabrikam.com' | Test-EntraPasskey |
        Format-Table UserPrincipalName, Verdict, ReasonCode, Summary -Wrap | Show
}
finally {
    Stop-GraphSimulator $free
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph | Out-Null
}
