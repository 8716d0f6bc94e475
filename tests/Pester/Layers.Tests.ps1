BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Users = @{}
    foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    $script:Fido2 = $tenant.authenticationMethodsPolicy.authenticationMethodConfigurations | Where-Object id -EQ 'Fido2'
    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }
    $script:AuthenticatorIos = '90a3ccdf-635c-4729-a248-9b709135078f'
    $script:AuthenticatorAndroid = 'de1e552d-db1d-4423-a619-566b625cdc84'
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Layer 5 from -Platform, -PlatformVersion and -Browser' {
    It '<Platform> <Version> <Browser> (<Path>) is <Verdict> with <Reason>' -TestCases @(
        @{ Platform = 'Android'; Version = '14'; Browser = 'Firefox'; Path = 'any'; Verdict = 'Blocked'; Reason = 'BrowserUnsupported' }
        @{ Platform = 'iOS'; Version = '16.7'; Browser = 'Safari'; Path = 'Authenticator'; Verdict = 'Blocked'; Reason = 'PlatformTooOld' }
        @{ Platform = 'Linux'; Version = $null; Browser = 'Firefox'; Path = 'Authenticator'; Verdict = 'Blocked'; Reason = 'RegistrationPathUnsupported' }
        @{ Platform = 'macOS'; Version = '14.2'; Browser = 'Safari'; Path = 'any'; Verdict = 'AtRisk'; Reason = 'RegistrationPathLimited' }
        @{ Platform = 'Windows'; Version = '11'; Browser = 'Edge'; Path = 'Authenticator'; Verdict = 'AtRisk'; Reason = 'PlatformCaveat' }
        @{ Platform = 'Windows'; Version = '11'; Browser = 'Edge'; Path = 'any'; Verdict = 'Ready'; Reason = $null }
        @{ Platform = 'iOS'; Version = '17.4'; Browser = 'Safari'; Path = 'Authenticator'; Verdict = 'Ready'; Reason = $null }
    ) {
        param($Platform, $Version, $Browser, $Path, $Verdict, $Reason)
        $hints = @{ Platform = $Platform; Browser = $Browser }
        if ($Version) { $hints.PlatformVersion = $Version }
        if ($Path -eq 'Authenticator') { $hints.Aaguid = if ($Platform -eq 'iOS') { $AuthenticatorIos } else { $AuthenticatorAndroid } }
        # Alex has no Authenticator app registered, so layer 6 has no app version to warn about: only layer 5 speaks.
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Alex Wilber') @hints
        $diagnosis.Verdict | Should -Be $Verdict
        $diagnosis.ReasonCode | Should -Be $Reason
        $layer5 = $diagnosis.Findings[4]
        $layer5.Evidence['platform'] | Should -Be $Platform
        $layer5.Evidence['source'] | Should -Be 'the -Platform/-Browser parameters'
        if ($Verdict -ne 'Ready') { $diagnosis.Owner | Should -Be 'Endpoint' }
    }

    It 'reads the platform from the latest sign-in when no parameter names it' {
        $finding = (Test-EntraPasskey -UserId (Upn "Conor O'Brien")).Findings[4]
        $finding.Status | Should -Be 'Pass'
        $finding.Evidence['platform'] | Should -Be 'iOS'
        $finding.Evidence['platformVersion'] | Should -Be '17.4'
        $finding.Evidence['source'] | Should -Match '^the latest sign-in .*Ios 17\.4, Mobile Safari'
    }

    It 'says NotChecked, and what to pass, when neither parameters nor sign-ins name a platform' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Megan Bowen')).Findings[4]
        $finding.Status | Should -Be 'NotChecked'
        $finding.Message | Should -Match '-Platform and -Browser'
    }
}

Describe 'Evidence the token may not be allowed to read' {
    AfterEach { Connect-Simulator -Simulator $Sim | Out-Null }

    It 'makes MFA bootstrap Unknown, naming Policy.Read.All, when Conditional Access cannot be read' {
        Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.AuthenticationMethod', 'AuditLog.Read.All' | Out-Null
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Adele Vance') -ErrorVariable errors -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $errors | Should -BeNullOrEmpty
        $diagnosis.Verdict | Should -Be 'Unknown'
        $diagnosis.ReasonCode | Should -Be 'ConditionalAccessUnavailable'
        $diagnosis.Findings[2].Evidence['missingPermission'] | Should -Be 'Policy.Read.All'
        ($warnings -join ' ') | Should -Match 'Policy\.Read\.All'
    }

    It 'keeps a user Ready and layer 4 Unknown, naming AuditLog.Read.All, when sign-ins cannot be read' {
        Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All' | Out-Null
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Adele Vance') -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -BeNullOrEmpty
        $diagnosis.Verdict | Should -Be 'Ready'
        $diagnosis.Findings[3].Status | Should -Be 'Unknown'
        $diagnosis.Findings[3].ReasonCode | Should -Be 'SignInLogsUnavailable'
        $diagnosis.Findings[3].Evidence['missingPermission'] | Should -Be 'AuditLog.Read.All'
        $diagnosis.Summary | Should -Match 'Layer 4 \(Recent MFA session\) is unknown'
    }
}

Describe 'The deleted include target' {
    AfterEach { Reset-GraphSimulator -Simulator $Sim }

    It 'names the dangling target id for a user in no live target' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Patti Fernandez')).Findings[0]
        $finding.ReasonCode | Should -Be 'IncludeTargetDeleted'
        $finding.Evidence['deletedIncludeTargetIds'] | Should -Be $Fido2.includeTargets[1].id
    }

    It 'leaves UserNotTargeted once the dangling target is removed' {
        $live = @($Fido2.includeTargets | Where-Object id -NE $Fido2.includeTargets[1].id)
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ includeTargets = $live }
        (Test-EntraPasskey -UserId (Upn 'Megan Bowen')).ReasonCode | Should -Be 'UserNotTargeted'
    }
}

Describe 'The registration Conditional Access policies' {
    It 'says a TAP would get the new hire through the onboarding strength' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Diego Siciliani')).Findings[2]
        $finding.Evidence['policy'] | Should -Be 'Register security info: new hires use a TAP or a passkey'
        $finding.Evidence['tapWouldHelp'] | Should -Be 'yes'
        $finding.Remediation | Should -Match 'New-PasskeyBootstrapTap'
    }

    It 'lists the report-only policy without letting it block' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Adele Vance')).Findings[2]
        $finding.Status | Should -Be 'Pass'
        $finding.Evidence['reportOnlyRegistrationPolicies'] | Should -Match 'report-only trial'
    }
}

Describe 'A Free tenant with security defaults on' {
    BeforeAll {
        $script:Free = Start-GraphSimulator -Tenant 'fabrikam-free'
        Connect-Simulator -Simulator $Free | Out-Null
    }

    AfterAll {
        Connect-Simulator -Simulator $Sim | Out-Null
        Stop-GraphSimulator $Free
    }

    It '<Upn> is <Verdict> (<Reason>)' -TestCases @(
        @{ Upn = 'ben@fabrikam.com'; Verdict = 'Ready'; Reason = $null }
        @{ Upn = 'chris@fabrikam.com'; Verdict = 'AtRisk'; Reason = 'SecurityDefaultsEnabled' }
        @{ Upn = 'dana@fabrikam.com'; Verdict = 'AtRisk'; Reason = 'MfaReliesOnLegacyPolicy' }
        @{ Upn = 'eli@fabrikam.com'; Verdict = 'Blocked'; Reason = 'NoMfaCapableMethod' }
    ) {
        param($Upn, $Verdict, $Reason)
        $diagnosis = Test-EntraPasskey -UserId $Upn
        $diagnosis.Verdict | Should -Be $Verdict
        $diagnosis.ReasonCode | Should -Be $Reason
    }

    It 'cannot read sign-ins without P1/P2, which is Unknown at layer 4 and not an error' {
        $diagnosis = Test-EntraPasskey -UserId 'ben@fabrikam.com' -ErrorVariable errors -ErrorAction SilentlyContinue
        $errors | Should -BeNullOrEmpty
        $diagnosis.Findings[3].ReasonCode | Should -Be 'SignInLogsUnavailable'
        $diagnosis.Findings[3].Message | Should -Match 'P1 or P2'
        $diagnosis.Findings[2].Evidence['conditionalAccess'] | Should -Be 'not in effect: security defaults are on'
    }
}
