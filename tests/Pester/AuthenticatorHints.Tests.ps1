BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    $script:Tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Users = @{}
    foreach ($user in $Tenant.users) { $Users[$user.displayName] = $user }
    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }

    # The sample tenant's Passkey (FIDO2) configuration, to PATCH variations of it.
    function script:Fido2 { ($Tenant.authenticationMethodsPolicy.authenticationMethodConfigurations | Where-Object id -EQ 'Fido2') | ConvertTo-Json -Depth 10 | ConvertFrom-Json }
    function script:Set-Profile([string] $Name, [hashtable] $Changes) {
        $profiles = (Fido2).passkeyProfiles
        $target = $profiles | Where-Object name -EQ $Name
        foreach ($key in $Changes.Keys) { $target.$key = $Changes[$key] }
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ passkeyProfiles = @($profiles) }
    }

    $script:A = @{
        YubiKey5Nfc         = 'a25342c0-3cdc-4414-8e46-f4807fca511c'
        AuthenticatorIos    = '90a3ccdf-635c-4729-a248-9b709135078f'
        ICloud              = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd'
        GooglePasswords     = 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'
        FeitianEpass        = '833b721a-ff5f-4d00-bb2e-bdda3ec01e29'
        LedgerNanoX         = 'fcb1bcb4-f370-078c-6993-bc24d0ae3fbe'
        ChromeOnMac         = 'adce0002-35bc-c60a-648b-0b25f1f05503'
        WindowsHello        = '08987058-cadc-4b81-b6e1-30de50dcbe96'
        NotInCatalog        = '12345678-1234-4321-8765-1234567890ab'
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Test-EntraPasskey -Aaguid on the sample tenant' {
    It '<Name> with <Authenticator> <Platform> is <Verdict> at layer <Layer> (<Reason>)' -TestCases @(
        @{ Name = 'Bianca Pisani'; Authenticator = 'YubiKey5Nfc'; Platform = $null; Verdict = 'Ready'; Layer = $null; Reason = $null; Owner = $null }
        @{ Name = 'Bianca Pisani'; Authenticator = 'AuthenticatorIos'; Platform = 'iOS'; Verdict = 'Ready'; Layer = $null; Reason = $null; Owner = $null }
        @{ Name = 'Bianca Pisani'; Authenticator = 'ICloud'; Platform = 'iOS'; Verdict = 'Blocked'; Layer = 7; Reason = 'WrongPasskeyProvider'; Owner = 'Endpoint' }
        @{ Name = 'Christie Cline'; Authenticator = 'GooglePasswords'; Platform = 'Android'; Verdict = 'Blocked'; Layer = 7; Reason = 'WrongPasskeyProvider'; Owner = 'Endpoint' }
        @{ Name = 'Bianca Pisani'; Authenticator = 'FeitianEpass'; Platform = $null; Verdict = 'Blocked'; Layer = 2; Reason = 'AaguidNotAllowed'; Owner = 'IdentityTeam' }
        @{ Name = 'Bianca Pisani'; Authenticator = 'NotInCatalog'; Platform = $null; Verdict = 'Blocked'; Layer = 2; Reason = 'AaguidNotAllowed'; Owner = 'IdentityTeam' }
        @{ Name = 'Bianca Pisani'; Authenticator = 'WindowsHello'; Platform = 'Windows'; Verdict = 'Blocked'; Layer = 2; Reason = 'AaguidNotAllowed'; Owner = 'IdentityTeam' }
        @{ Name = 'Bianca Pisani'; Authenticator = 'AuthenticatorIos'; Platform = 'Windows'; Verdict = 'Blocked'; Layer = 2; Reason = 'AttestationRequired'; Owner = 'IdentityTeam' }
        @{ Name = 'Enrico Cattaneo'; Authenticator = 'FeitianEpass'; Platform = $null; Verdict = 'Blocked'; Layer = 2; Reason = 'AaguidBlocked'; Owner = 'IdentityTeam' }
        @{ Name = 'Enrico Cattaneo'; Authenticator = 'ChromeOnMac'; Platform = 'macOS'; Verdict = 'Blocked'; Layer = 2; Reason = 'AttestationRequired'; Owner = 'IdentityTeam' }
        @{ Name = 'Enrico Cattaneo'; Authenticator = 'LedgerNanoX'; Platform = $null; Verdict = 'Blocked'; Layer = 6; Reason = 'AuthenticatorNotAttestable'; Owner = 'Endpoint' }
        @{ Name = 'Enrico Cattaneo'; Authenticator = 'NotInCatalog'; Platform = $null; Verdict = 'Unknown'; Layer = $null; Reason = 'AuthenticatorNotInCatalog'; Owner = 'Endpoint' }
        @{ Name = 'Enrico Cattaneo'; Authenticator = 'YubiKey5Nfc'; Platform = $null; Verdict = 'Ready'; Layer = $null; Reason = $null; Owner = $null }
        @{ Name = 'Adele Vance'; Authenticator = 'ICloud'; Platform = 'iOS'; Verdict = 'Ready'; Layer = $null; Reason = $null; Owner = $null }
        @{ Name = 'Adele Vance'; Authenticator = 'AuthenticatorIos'; Platform = 'iOS'; Verdict = 'AtRisk'; Layer = $null; Reason = 'AuthenticatorAppVersionTooOld'; Owner = 'Endpoint' }
        @{ Name = 'Nora Petrova'; Authenticator = 'WindowsHello'; Platform = 'Windows'; Verdict = 'AtRisk'; Layer = $null; Reason = 'WindowsHelloForBusinessExists'; Owner = 'Endpoint' }
        @{ Name = 'Lee Gu'; Authenticator = 'YubiKey5Nfc'; Platform = $null; Verdict = 'Blocked'; Layer = 1; Reason = 'UserExcluded'; Owner = 'IdentityTeam' }
    ) {
        param($Name, $Authenticator, $Platform, $Verdict, $Layer, $Reason, $Owner)
        $hints = @{ Aaguid = $A[$Authenticator] }
        if ($Platform) { $hints.Platform = $Platform }
        # A phone recent enough for every path, so layer 5 (covered in Layers.Tests.ps1) stays out of these cases.
        if ($Platform -eq 'iOS') { $hints.PlatformVersion = '17.4' }
        if ($Platform -eq 'Android') { $hints.PlatformVersion = '14' }
        $diagnosis = Test-EntraPasskey -UserId (Upn $Name) @hints
        $diagnosis.Verdict | Should -Be $Verdict
        $diagnosis.BlockingLayer | Should -Be $Layer
        $diagnosis.ReasonCode | Should -Be $Reason
        if ($Owner) { $diagnosis.Owner | Should -Be $Owner } else { $diagnosis.Owner | Should -BeNullOrEmpty }
    }

    It 'names the provider, the profile and Authenticator when the platform offered the wrong provider' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Bianca Pisani') -Aaguid $A.ICloud -Platform iOS).Findings[6]
        $finding.Message | Should -Match '^The platform offered iCloud Keychain \(Apple Passwords\) instead of Microsoft Authenticator: choose Authenticator as the passkey provider\.'
        $finding.Evidence['passkeyProfiles'] | Should -Be "'Privileged passkeys'"
        $finding.Evidence['acceptedInstead'] | Should -Be 'Microsoft Authenticator for iOS'
        $finding.Evidence['aaguid'] | Should -Be $A.ICloud
    }

    It 'names the profile and its list when the AAGUID is not allowed' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Bianca Pisani') -Aaguid $A.FeitianEpass).Findings[1]
        $finding.Message | Should -Match "not on the allow list of passkey profile 'Privileged passkeys'"
        $finding.Evidence['authenticator'] | Should -Be 'Feitian ePass FIDO2 Authenticator'
        $finding.Remediation | Should -Match 'Security Key NFC by Yubico'
    }

    It 'gives the default profile to a target that names none' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Nora Petrova') -Aaguid $A.WindowsHello).Findings[1]
        $finding.Status | Should -Be 'Pass'
        $finding.Evidence['passkeyProfiles'] | Should -Be "'Default passkey profile'"
        $finding.Evidence['profileSources'] | Should -Match "'Windows Passkey Pilot' → 'Default passkey profile' \(default: the target names none\)"
    }

    It 'warns about a Windows Hello for Business credential next to a Windows passkey' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Nora Petrova') -Aaguid $A.WindowsHello -Platform Windows).Findings[6]
        $finding.Status | Should -Be 'Warn'
        $finding.ReasonCode | Should -Be 'WindowsHelloForBusinessExists'
        $finding.Evidence['windowsHelloForBusiness'] | Should -Be 'NORA-LAPTOP'
    }

    It 'says without a hint what the profiles accept, and that hardware and provider were not checked' {
        $findings = (Test-EntraPasskey -UserId (Upn 'Bianca Pisani')).Findings
        $findings[1].Status | Should -Be 'Pass'
        $findings[1].Message | Should -Match "^Passkey profile 'Privileged passkeys' \(device-bound passkeys only, attestation required, allow list of 11 AAGUIDs\) accepts Microsoft Authenticator for Android, Microsoft Authenticator for iOS, Security Key NFC by Yubico, YubiKey 5 Series, YubiKey 5 Series with NFC; not synced passkeys"
        $findings[5].Status | Should -Be 'NotChecked'
        $findings[5].Message | Should -Match 'pass -Aaguid'
        $findings[6].Status | Should -Be 'NotChecked'
    }
}

Describe 'Test-EntraPasskey -Aaguid when the policy changes' {
    AfterEach { Reset-GraphSimulator -Simulator $Sim }

    It 'blocks with NoAcceptableAuthenticator when a profile can accept nothing' {
        Set-Profile 'Security keys only' @{ passkeyTypes = 'synced' }
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Enrico Cattaneo')
        $diagnosis.ReasonCode | Should -Be 'NoAcceptableAuthenticator'
        $diagnosis.BlockingLayer | Should -Be 2
    }

    It 'blocks with PasskeyTypeNotAllowed when a profile admits the other passkey type only' {
        Set-Profile 'Security keys only' @{ passkeyTypes = 'synced'; attestationEnforcement = 'disabled' }
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Enrico Cattaneo') -Aaguid $A.YubiKey5Nfc
        $diagnosis.ReasonCode | Should -Be 'PasskeyTypeNotAllowed'
        $diagnosis.Owner | Should -Be 'IdentityTeam'
    }

    It 'is Unknown with PasskeyProfileUnresolved when a target names a profile that does not exist' {
        $targets = (Fido2).includeTargets
        ($targets | Where-Object id -EQ '2b8f6d40-5e17-4c3a-9d82-6a0f1e4b7c93').allowedPasskeyProfiles = @('0b1c2d3e-0000-4000-8000-00000000dead')
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ includeTargets = @($targets) }
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Enrico Cattaneo')
        $diagnosis.Verdict | Should -Be 'Unknown'
        $diagnosis.ReasonCode | Should -Be 'PasskeyProfileUnresolved'
        $diagnosis.Findings[1].Evidence['missingProfiles'] | Should -Be '0b1c2d3e-0000-4000-8000-00000000dead'
    }

    It 'reads the legacy key restrictions when the tenant has not opted into profiles: LegacyKeyRestrictionRejects' {
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{
            passkeyProfiles = @(); defaultPasskeyProfile = $null
            keyRestrictions = @{ isEnforced = $true; enforcementType = 'allow'; aaGuids = @($A.YubiKey5Nfc) }
        }
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Adele Vance') -Aaguid $A.FeitianEpass
        $diagnosis.ReasonCode | Should -Be 'LegacyKeyRestrictionRejects'
        $diagnosis.Findings[1].Evidence['rejectedBy'] | Should -Be 'tenant-wide settings (legacy)'
    }

    It 'reads the legacy attestation setting when the tenant has not opted into profiles: LegacyAttestationEnforced' {
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ passkeyProfiles = @(); defaultPasskeyProfile = $null; isAttestationEnforced = $true }
        (Test-EntraPasskey -UserId (Upn 'Adele Vance') -Aaguid $A.ChromeOnMac).ReasonCode | Should -Be 'LegacyAttestationEnforced'
    }

    It 'ignores the legacy fields once the tenant has opted in' {
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ isAttestationEnforced = $true }
        (Test-EntraPasskey -UserId (Upn 'Adele Vance') -Aaguid $A.ChromeOnMac).Verdict | Should -Be 'Ready'
    }

    It 'is AtRisk with WindowsHelloForBusinessExists when an allow list names Windows passkeys but the user has Windows Hello for Business' {
        Set-Profile 'Default passkey profile' @{ keyRestrictions = @{ isEnforced = $true; enforcementType = 'allow'; aaGuids = @('08987058-cadc-4b81-b6e1-30de50dcbe96', '9ddd1817-af5a-4672-a2b9-3e3dd95000a9', '6028b017-b1d4-4c02-b4b3-afcdafc96bb2') } }
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Nora Petrova') -Aaguid $A.WindowsHello -Platform Windows
        $diagnosis.Verdict | Should -Be 'AtRisk'
        $diagnosis.ReasonCode | Should -Be 'WindowsHelloForBusinessExists'
        $diagnosis.Owner | Should -Be 'Endpoint'
    }
}
