# What the user tried to register: -Aaguid names the authenticator, and layers 2, 6 and 7 say which one fails.
$iCloud = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd'
$yubiKey = 'a25342c0-3cdc-4414-8e46-f4807fca511c'
$feitian = '833b721a-ff5f-4d00-bb2e-bdda3ec01e29'
$ledger = 'fcb1bcb4-f370-078c-6993-bc24d0ae3fbe'
$authenticatorIos = '90a3ccdf-635c-4729-a248-9b709135078f'

Write-Step 'Which authenticator is that AAGUID? Get-PasskeyAuthenticator (built-in catalog, no Graph call)'
Get-PasskeyAuthenticator -Aaguid $iCloud, $yubiKey, $authenticatorIos, $ledger | Show
Write-Host 'Every AAGUID of one model (an allow list needs all of them):'
Get-PasskeyAuthenticator -Name 'YubiKey 5 Series with NFC' | Format-Table Aaguid, Name, Certification | Show

Write-Step 'Without a hint, layer 2 says what the user''s passkey profiles accept; layers 6 and 7 say what to pass'
(Test-EntraPasskey -UserId BiancaP@contoso.com).Findings | Where-Object Layer -In 2, 6, 7 | Format-List Layer, Status, Message | Show

Write-Step 'With the AAGUID of the attempt: who owns which failure'
$attempts = @(
    [pscustomobject]@{ User = 'BiancaP@contoso.com'; Aaguid = $iCloud; Platform = 'iOS'; Tried = 'iCloud Keychain on an iPhone' }
    [pscustomobject]@{ User = 'BiancaP@contoso.com'; Aaguid = $feitian; Platform = $null; Tried = 'a Feitian key' }
    [pscustomobject]@{ User = 'BiancaP@contoso.com'; Aaguid = $yubiKey; Platform = $null; Tried = 'a YubiKey 5 NFC' }
    [pscustomobject]@{ User = 'EnricoC@contoso.com'; Aaguid = $ledger; Platform = $null; Tried = 'a Ledger Nano X' }
    [pscustomobject]@{ User = 'AdeleV@contoso.com'; Aaguid = $authenticatorIos; Platform = 'iOS'; Tried = 'Microsoft Authenticator (app 6.8.20)' }
)
$attempts | ForEach-Object {
    $hints = @{ Aaguid = $_.Aaguid }
    if ($_.Platform) { $hints.Platform = $_.Platform }
    $diagnosis = Test-EntraPasskey -UserId $_.User @hints
    [pscustomobject]@{ User = $_.User; Tried = $_.Tried; Verdict = $diagnosis.Verdict; Layer = $diagnosis.Layer; Owner = $diagnosis.Owner; Reason = $diagnosis.ReasonCode }
} | Format-Table -AutoSize | Show

Write-Step 'One of them in full: Test-EntraPasskey -UserId BiancaP@contoso.com -Aaguid <iCloud Keychain> -Platform iOS'
Test-EntraPasskey -UserId BiancaP@contoso.com -Aaguid $iCloud -Platform iOS | Show
