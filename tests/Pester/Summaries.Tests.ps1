# A summary is what a help desk reads aloud: within two lines of a 120-column console and free of ids, for every
# verdict; the single-user view wraps its long values at spaces, never mid-word.
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Guid = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'
    function script:Get-TooLongOrWithId($Diagnoses) {
        $Diagnoses | Where-Object { $_.Summary.Length -gt 240 -or $_.Summary -match $Guid } | ForEach-Object { "[$($_.Summary.Length)] $($_.Summary)" }
    }
}

Describe 'Summaries of the sample tenant' {
    BeforeAll {
        $script:Sim = Start-GraphSimulator
        Connect-Simulator -Simulator $Sim | Out-Null
        $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
        $script:Upns = @($tenant.users.userPrincipalName)
        $script:Users = @{}
        foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    }

    AfterAll {
        Disconnect-EntraPasskey
        Stop-GraphSimulator $Sim
    }

    It 'every user, with and without an attempted authenticator: at most 240 characters and no GUID' {
        $diagnoses = @($Upns | Test-EntraPasskey) + @($Upns | Test-EntraPasskey -Aaguid 'cb69481e-8ff7-4039-93ec-0a2729a154a8')

        @($diagnoses | Where-Object Verdict -NE 'Ready').Count | Should -BeGreaterThan 10 -Because 'the long summaries are Blocked, AtRisk and Unknown ones'
        Get-TooLongOrWithId $diagnoses | Should -BeNullOrEmpty
        $diagnoses.Summary | Where-Object { $_.EndsWith('...') } | Should -BeNullOrEmpty -Because 'a sample headline fits without being cut'
    }

    It 'every user''s sign-in check (Test-EntraPasskeySignIn): at most 240 characters and no GUID' {
        $checks = @($Upns | Test-EntraPasskeySignIn)

        @($checks | Where-Object Verdict -NE 'Ready').Count | Should -BeGreaterThan 10
        Get-TooLongOrWithId $checks | Should -BeNullOrEmpty
    }

    It 'shows a lone user''s sign-in check at 120 columns with every word whole' {
        $run = Invoke-WithScriptedHost -Answer '' -Script { param($Upn) $c = Test-EntraPasskeySignIn -UserId $Upn; $c; $c | Out-String -Width 120 } -Parameters @{ Upn = $Users['Wendy Stone'].userPrincipalName }
        $check, $text = $run.Output[0], $run.Output[1]

        @($text -split '\r?\n' | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        $joined = ($text -replace '\s+', ' ')
        foreach ($value in $check.Summary, $check.Passkeys[0].Remediation, $check.SignInLogs.Message) {
            $joined | Should -BeLike ('*' + [WildcardPattern]::Escape(($value -replace '\s+', ' ')) + '*')
        }
    }

    It 'names the sign-in a device was inferred from by its time, and keeps its id as evidence' {
        $diagnosis = Test-EntraPasskey -UserId $Users['Grace Taylor'].userPrincipalName

        $diagnosis.Summary | Should -Be 'At risk at layer 5 (Platform / browser): Firefox 121.0 on Android 13 cannot register a passkey: Firefox on Android does not support passkeys with Microsoft Entra ID (the device of the latest sign-in).'
        $diagnosis.Findings[4].Message | Should -Not -Match $Guid
        $diagnosis.Findings[4].Evidence['signInId'] | Should -Match "^$Guid$"
    }

    It 'keeps the detail in the finding and the fix in Fix' {
        $diagnosis = Test-EntraPasskey -UserId $Users['Rafael Ortiz'].userPrincipalName

        $diagnosis.Summary | Should -Be "Blocked at layer 3 (MFA bootstrap): Conditional Access 'All resources: payments approvers sign in with phishing-resistant MFA' requires 'Phishing-resistant MFA' for every sign-in, and none of Rafael Ortiz's methods meets it."
        $diagnosis.Findings[2].Message | Should -Match 'they can present: microsoftAuthenticatorPush, password'
        $diagnosis.Fix | Should -Be $diagnosis.Findings[2].Remediation
    }

    It 'shows a lone user at 120 columns with every word whole: <Name>' -TestCases @(
        @{ Name = 'Rafael Ortiz' }, @{ Name = 'Karen Berg' }, @{ Name = 'Grace Taylor' }, @{ Name = 'Diego Siciliani' }
    ) {
        param($Name)
        # A host that does not tell its width (as this one) gets 120 columns; a console gets its own, up to 120.
        # The diagnosis and its view come from one run: a message can name the minute it was made.
        $run = Invoke-WithScriptedHost -Answer '' -Script { param($Upn) $d = Test-EntraPasskey -UserId $Upn; $d; $d | Out-String -Width 120 } -Parameters @{ Upn = $Users[$Name].userPrincipalName }
        $diagnosis, $text = $run.Output[0], $run.Output[1]

        $lines = $text -split '\r?\n'
        @($lines | Where-Object { $_.TrimEnd().Length -gt 120 }) | Should -BeNullOrEmpty
        @($lines | Where-Object { $_.TrimEnd().Length -gt 110 }).Count | Should -BeGreaterThan 0 -Because 'the view uses the 120 columns it has'
        # Lines joined back, every sentence is there whole: a word cut at the edge would read 'regis tration'.
        $joined = ($text -replace '\s+', ' ')
        foreach ($value in @($diagnosis.Summary, $diagnosis.Fix) + @($diagnosis.Findings.Message)) {
            $joined | Should -BeLike ('*' + [WildcardPattern]::Escape(($value -replace '\s+', ' ')) + '*')
        }
    }
}

Describe 'Summaries of a generated tenant' {
    BeforeAll {
        $path = Join-Path $TestDrive 'generated.json'
        & dotnet $env:ENTRAPASSKEY_SIMULATOR generate --users 300 --out $path | Out-Null
        $script:Generated = Start-GraphSimulator -Tenant $path
        Connect-Simulator -Simulator $Generated | Out-Null
        $script:GeneratedUpns = @((Get-Content $path -Raw | ConvertFrom-Json).users.userPrincipalName)
    }

    AfterAll {
        Disconnect-EntraPasskey
        Stop-GraphSimulator $Generated
    }

    It 'every one of 300 users: at most 240 characters and no GUID' {
        $diagnoses = @($GeneratedUpns | Test-EntraPasskey -ErrorAction SilentlyContinue)

        $diagnoses.Count | Should -Be 300
        @($diagnoses | Where-Object Verdict -NE 'Ready').Count | Should -BeGreaterThan 0
        Get-TooLongOrWithId $diagnoses | Should -BeNullOrEmpty
    }
}
