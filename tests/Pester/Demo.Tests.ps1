# build.ps1 -Task Demo is what a reviewer runs first, so it must keep working: run it once, as the build does, in a
# fresh pwsh (it starts its own simulators), and check each section told its story. The markers are the verdicts,
# reason codes and headings the sections print, not wording that changes with the clock. Its one-user diagnoses pace
# sign-in reads on a simulated clock (the module's test hook), so the run does not sleep through the reports budget.
BeforeAll {
    $demo = Join-Path $PSScriptRoot '../Demo/Invoke-Demo.ps1'
    $run = "Import-Module '$env:ENTRAPASSKEY_MODULE'; [EntraPasskey.Internal.TestHooks]::SetTestHook('SimulatedReportsClock', `$true); & '$demo'"
    $script:Output = & dotnet $env:ENTRAPASSKEY_PWSH -NoProfile -NonInteractive -Command $run 2>&1 | Out-String
    $script:ExitCode = $LASTEXITCODE
}

Describe 'The demo (build.ps1 -Task Demo)' {
    It 'runs to the end and exits 0' {
        $ExitCode | Should -Be 0 -Because "the demo printed:`n$Output"
        $Output | Should -Match 'Simulator stopped\.\s*$'
    }

    It 'diagnoses the tenant: the table, the queues and one user in full' {
        $Output | Should -Match 'UserPrincipalName\s+Verdict\s+Layer\s+Owner\s+Summary'
        $Output | Should -Match 'AdeleV@contoso\.com\s+Ready\s'
        $Output | Should -Match 'LeeG@contoso\.com\s+Blocked\s+1\s+IdentityTeam\s+Lee Gu is excluded'
        $Output | Should -Match 'HenriettaM@contoso\.com\s+Ready\s'
        $Output | Should -Match 'KarenB@contoso\.com\s+Unknown\s+3\s+IdentityTeam'
        $Output | Should -Match '"MeganB@contoso\.com","Blocked","1","IdentityTeam","IncludeTargetDeleted","Restore the deleted group'
        $Output | Should -Match 'NestorW@contoso\.com\s+Blocked\s+3\s+IdentityTeam'
        $Output | Should -Match '\d+\s+Blocked, IdentityTeam'
        $Output | Should -Match 'ReasonCode\s+:\s+UserExcluded'
        $Output | Should -Match 'excludedBy\s+Passkey Exclusions'
    }

    It 'names the authenticator behind each attempt and who owns its failure' {
        $Output | Should -Match 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd\s+iCloud Keychain'
        $Output | Should -Match 'iCloud Keychain on an iPhone\s+Blocked\s+7\s+Endpoint\s+WrongPasskeyProvider'
        $Output | Should -Match 'a Feitian key\s+Blocked\s+2\s+IdentityTeam\s+AaguidNotAllowed'
    }

    It 'walks layers 3 to 5, missing permissions and a Free tenant' {
        $Output | Should -Match 'ReasonCode\s+:\s+RegistrationAuthStrengthUnmet'
        $Output | Should -Match 'Verdict\s+:\s+Ready\s+Summary\s+:\s+Ready: nothing .+ stops Henrietta Mueller'
        $Output | Should -Match 'Status\s+:\s+Advice\s+ReasonCode\s+:\s+MfaSessionStale'
        $Output | Should -Match 'Firefox on Android 14\s+Blocked\s+BrowserUnsupported'
        $Output | Should -Match 'ReasonCode\s+:\s+ConditionalAccessUnavailable'
        $Output | Should -Match 'eli@fabrikam\.com\s+Blocked\s+NoMfaCapableMethod'
    }

    It 'bootstraps a user with a TAP: layer 3 fails before the pass and passes after it' {
        $Output | Should -Match 'ReasonCode\s+:\s+NoMfaCapableMethod'
        $Output | Should -Match 'TapExternalGuest: '
        $Output | Should -Match 'TemporaryAccessPass\s+:\s+\S+'
        $Output | Should -Match 'IsUsable\s+:\s+True'
        $Output | Should -Match 'Layer\s+:\s+3\s+LayerName\s+:\s+MFA bootstrap\s+Status\s+:\s+Pass'
    }

    It 'reports the week''s registration failures, the outreach list and the KQL' {
        $Output | Should -Match 'UserPrincipalName\s+Reason\s+Attempts\s+LastSeen \(UTC\)'
        $Output | Should -Match 'MeganB@contoso\.com\s+PolicyDisallowsPasskey\s+3\s.*\sYes\s'
        $Output | Should -Match 'Reason\s+:\s+PolicyDisallowsPasskey\s+Attempts\s+:\s+3'
        $Output | Should -Match '(?m)^AuditLogs$'
        $Output | Should -Match 'LoggedByService in~ \("Authentication Methods", "Device Registration Service"\)'
    }

    It 'tells a registered-but-cannot-sign-in story and a lost-key story' {
        $Output | Should -Match 'ReasonCode\s+:\s+SignInAaguidBlocked'
        $Output | Should -Match 'UmaN@contoso\.com\s+AtRisk\s+IdentityTeam\s+SignInPasskeyTypeNotAllowed'
        $Output | Should -Match 'WendyS@contoso\.com\s+Blocked\s+IdentityTeam\s+SignInStrengthExcludesPasskeys'
        $Output | Should -Match 'Google Password Manager\s+synced\s+Fail\s+SignInPasskeyTypeNotAllowed'
        $Output | Should -Match 'PasskeyAmbiguous: 2 passkeys of Zoe Ross'
        $Output | Should -Match 'What if: Performing the operation "Remove passkey .YubiKey \(keyring\)'
        $Output | Should -Match 'SessionsRevoked\s+:\s+True'
        $Output | Should -Match 'LastMfaMethod: '
        $Output | Should -Match 'NeedsTemporaryAccessPass\s+:\s+True'
    }

    It 'audits the prevention design, shows a well-designed tenant meeting it, and writes the report' {
        $Output | Should -Match 'High\s+Fail\s+SmsVoiceOnlyUsers\s+3 '
        $Output | Should -Match 'CheckId\s+:\s+SmsVoiceOnlyUsers'
        $Output | Should -Match '25 checks: 0 departures, 25 met\.'
        $Output | Should -Match 'Report written to \S+/out/policy-design-report\.html'
    }

    It 'ends with the sample tenant''s verdict counts and the queues that must act' {
        $users = @((Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json).users).Count
        $Output -match '== In sum\s+(\d+) users diagnosed: (\d+) Ready, (\d+) Blocked, (\d+) AtRisk, (\d+) Unknown\.\s+Someone must act for (\d+) of them: IdentityTeam \d+, Endpoint \d+\.\s+Simulator stopped\.' | Should -BeTrue -Because "the demo printed:`n$Output"
        [int] $Matches[1] | Should -Be $users
        [int] $Matches[2] + [int] $Matches[3] + [int] $Matches[4] + [int] $Matches[5] | Should -Be $users
        [int] $Matches[6] | Should -Be ($users - [int] $Matches[2])
    }

    It 'writes no colour codes when its output is redirected' {
        # Here it writes into a pipe, as 'build.ps1 -Task Demo > demo.txt' writes into a file.
        $Output | Should -Not -Match "`e"
    }
}
