BeforeDiscovery {
    # Every user of the sample tenant and what the module must say about them; the set is checked against the tenant.
    $script:SampleUsers = @(
        @{ Name = 'Adele Vance'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Alex Wilber'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Megan Bowen'; Verdict = 'Blocked'; Layer = 1; Reason = 'IncludeTargetDeleted' }
        @{ Name = 'Lee Gu'; Verdict = 'Blocked'; Layer = 1; Reason = 'UserExcluded' }
        @{ Name = 'Pat Fabrikam (Guest)'; Verdict = 'Blocked'; Layer = 1; Reason = 'GuestUser' }
        @{ Name = 'Irvin Sayers'; Verdict = 'Blocked'; Layer = 1; Reason = 'AccountDisabled' }
        @{ Name = 'Nestor Wilke'; Verdict = 'Blocked'; Layer = 3; Reason = 'NoMfaCapableMethod' }
        @{ Name = 'Isaiah Langer'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Joni Sherman'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = "Conor O'Brien"; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Grady Archie'; Verdict = 'Blocked'; Layer = 3; Reason = 'TapNotUsable' }
        @{ Name = 'Lynne Robbins'; Verdict = 'AtRisk'; Layer = 3; Reason = 'SinglePasskeyNoBackup'; Owner = 'IdentityTeam' }
        @{ Name = 'Patti Fernandez'; Verdict = 'Blocked'; Layer = 1; Reason = 'IncludeTargetDeleted' }
        @{ Name = 'Diego Siciliani'; Verdict = 'Blocked'; Layer = 3; Reason = 'RegistrationAuthStrengthUnmet' }
        @{ Name = 'Miriam Graham'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Johanna Lorenz'; Verdict = 'AtRisk'; Layer = 3; Reason = 'RegistrationRequiresManagedDevice'; Owner = 'IdentityTeam' }
        @{ Name = 'Pradeep Gupta'; Verdict = 'AtRisk'; Layer = 3; Reason = 'RegistrationDependsOnConditions'; Owner = 'IdentityTeam' }
        @{ Name = 'Henrietta Mueller'; Verdict = 'Ready'; Layer = $null; Reason = $null; Advice = 'MfaSessionStale' }
        @{ Name = 'Debra Berger'; Verdict = 'Ready'; Layer = $null; Reason = $null; Advice = 'MfaSignInNotFound' }
        @{ Name = 'Grace Taylor'; Verdict = 'AtRisk'; Layer = 5; Reason = 'BrowserUnsupported'; Owner = 'Endpoint' }
        @{ Name = 'Karen Berg'; Verdict = 'Unknown'; Layer = 3; Reason = 'ConditionalAccessScopeUnknown'; Owner = 'IdentityTeam' }
        @{ Name = 'Omar Haddad'; Verdict = 'Blocked'; Layer = 3; Reason = 'RegistrationBlockedByConditionalAccess'; Owner = 'IdentityTeam' }
        @{ Name = 'Rafael Ortiz'; Verdict = 'Blocked'; Layer = 3; Reason = 'AllResourcesAuthStrengthUnmet'; Owner = 'IdentityTeam' }
        @{ Name = 'Emily Braun'; Verdict = 'Blocked'; Layer = 3; Reason = 'AllResourcesBlocked'; Owner = 'IdentityTeam' }
        @{ Name = 'Valeria Costa'; Verdict = 'AtRisk'; Layer = 3; Reason = 'AllResourcesBlockDependsOnConditions'; Owner = 'IdentityTeam' }
        @{ Name = 'Bianca Pisani'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Christie Cline'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Enrico Cattaneo'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        @{ Name = 'Nora Petrova'; Verdict = 'Ready'; Layer = $null; Reason = $null }
        # The sign-in and lost-key users (Test-EntraPasskeySignIn, Remove-EntraPasskey): what registration says of them.
        @{ Name = 'Samir Khan'; Verdict = 'Ready'; Layer = $null; Reason = $null; Advice = 'MfaSignInNotFound' }
        @{ Name = 'Tanya Vogel'; Verdict = 'Ready'; Layer = $null; Reason = $null; Advice = 'MfaSignInNotFound' }
        @{ Name = 'Uma Nair'; Verdict = 'AtRisk'; Layer = 3; Reason = 'SinglePasskeyNoBackup'; Owner = 'IdentityTeam' }
        @{ Name = 'Victor Lind'; Verdict = 'Blocked'; Layer = 1; Reason = 'IncludeTargetDeleted' }
        @{ Name = 'Wendy Stone'; Verdict = 'Ready'; Layer = $null; Reason = $null; Advice = 'MfaSignInNotFound' }
        @{ Name = 'Xavier Diaz'; Verdict = 'Blocked'; Layer = 3; Reason = 'AllResourcesAuthStrengthUnmet'; Owner = 'IdentityTeam' }
        @{ Name = 'Yara Malik'; Verdict = 'AtRisk'; Layer = 3; Reason = 'SinglePasskeyNoBackup'; Owner = 'IdentityTeam' }
        @{ Name = 'Zoe Ross'; Verdict = 'Ready'; Layer = $null; Reason = $null; Advice = 'MfaSignInNotFound' }  # her MFA 90 minutes before load: outside the hour read (an hour exactly raced the filter's whole seconds)
        @{ Name = 'Felix Gruber'; Verdict = 'AtRisk'; Layer = 3; Reason = 'SinglePasskeyNoBackup'; Owner = 'IdentityTeam' }
    )
}

BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Users = @{}
    foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    $script:SampleDisplayNames = @($tenant.users.displayName)
    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Test-EntraPasskey on the sample tenant' {
    It '<Name> is <Verdict> at layer <Layer> (<Reason>)' -TestCases $SampleUsers {
        param($Name, $Verdict, $Layer, $Reason, $Owner, $Advice)
        $diagnosis = Test-EntraPasskey -UserId (Upn $Name)
        $diagnosis | Should -BeOfType ([EntraPasskey.PasskeyDiagnosis])
        $diagnosis.Verdict | Should -Be $Verdict
        $diagnosis.Layer | Should -Be $Layer
        $diagnosis.BlockingLayer | Should -Be $(if ($Verdict -eq 'Blocked') { $Layer } else { $null })
        $diagnosis.ReasonCode | Should -Be $Reason
        if ($Advice) {
            # Session freshness is said for the moment of registration; it leaves the user Ready.
            $diagnosis.Findings[3].Status | Should -Be 'Advice'
            $diagnosis.Findings[3].ReasonCode | Should -Be $Advice
            $diagnosis.Summary | Should -BeLike "Ready: *. Just before adding the passkey, $Name should sign out and sign in again with MFA."
        }
        $diagnosis.UserId | Should -Be $Users[$Name].id
        if ($Owner) { $diagnosis.Owner | Should -Be $Owner }
        elseif ($Verdict -eq 'Blocked') { $diagnosis.Owner | Should -Be 'IdentityTeam' }
        else { $diagnosis.Owner | Should -BeNullOrEmpty }
    }

    It 'gives the sample tenant a mix a help desk can act on' {
        $diagnoses = @($Users.Values.userPrincipalName | Test-EntraPasskey)
        $counts = @{}
        $diagnoses | Group-Object Verdict | ForEach-Object { $counts[$_.Name] = $_.Count }
        $counts | Should -Not -BeNullOrEmpty
        @{ Ready = $counts['Ready']; AtRisk = $counts['AtRisk']; Blocked = $counts['Blocked']; Unknown = $counts['Unknown'] } |
            ConvertTo-Json -Compress | Should -Be (@{ Ready = 16; AtRisk = 8; Blocked = 13; Unknown = 1 } | ConvertTo-Json -Compress)
        # Nobody is AtRisk for layer 4 alone: signing in again is said when they register, not counted against them.
        $diagnoses | Where-Object { $_.Verdict -eq 'AtRisk' -and $_.Layer -eq 4 } | Should -BeNullOrEmpty
        @($diagnoses | Where-Object { $_.Verdict -eq 'Ready' -and $_.Findings[3].Status -eq 'Advice' }).Count | Should -BeGreaterOrEqual 6
    }

    It 'names the deciding layer of every verdict but Ready, so Group-Object Layer keeps AtRisk and Unknown users' {
        $diagnoses = @($Users.Values.userPrincipalName | Test-EntraPasskey)
        $diagnoses | Where-Object Verdict -NE 'Ready' | Where-Object { $null -eq $_.Layer } | Should -BeNullOrEmpty
        $diagnoses | Where-Object Verdict -EQ 'Ready' | Where-Object { $null -ne $_.Layer } | Should -BeNullOrEmpty
        $byLayer = $diagnoses | Where-Object Verdict -In 'AtRisk', 'Unknown' | Group-Object Layer
        ($byLayer | Where-Object Name -EQ '3').Count | Should -Be 8
        ($byLayer | Where-Object Name -EQ '5').Count | Should -Be 1
    }

    It 'has a case for exactly the users of the sample tenant' -TestCases @{ CaseNames = @($SampleUsers.Name) } {
        param($CaseNames)
        $differences = Compare-Object $CaseNames $SampleDisplayNames | ForEach-Object { "$($_.InputObject) ($(if ($_.SideIndicator -eq '=>') { 'no case' } else { 'not in contoso.json' }))" }
        $CaseNames | Sort-Object | Should -Be ($SampleDisplayNames | Sort-Object) -Because "every sample user needs a case above: $($differences -join ', ')"
    }

    It 'names the Conditional Access policy that blocks Omar Haddad' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Omar Haddad')).Findings[2]
        $finding.Status | Should -Be 'Fail'
        $finding.Message | Should -Match 'block accounts on registration hold'
    }

    It 'names the All-resources policy that locks Rafael Ortiz in a registration loop, and the fix' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Rafael Ortiz')).Findings[2]
        $finding.Status | Should -Be 'Fail'
        $finding.Evidence['policy'] | Should -Be 'All resources: payments approvers sign in with phishing-resistant MFA'
        $finding.Evidence['scope'] | Should -Be "through group 'Payments Approvers'"
        $finding.Message | Should -Match 'need a passkey to sign in before they can register their first one'
        $finding.Remediation | Should -Match "^Split 'All resources: payments approvers sign in with phishing-resistant MFA' into a desktop policy and a mobile"
    }

    It 'names the All-resources policy that blocks Emily Braun' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Emily Braun')).Findings[2]
        $finding.Status | Should -Be 'Fail'
        $finding.Evidence['policy'] | Should -Be 'All resources: block accounts with suspended access'
        $finding.Evidence['scope'] | Should -Be "through group 'Access Suspended'"
        $finding.Message | Should -Match 'cannot sign in to register a passkey'
    }

    It 'does not count the block on legacy authentication, which every user is in, against registering' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Adele Vance')).Findings[2]
        $finding.Status | Should -Be 'Pass'
        $finding.Evidence['allResourcesPolicies'] | Should -Match 'block accounts with suspended access'
        $finding.Evidence['allResourcesPolicies'] | Should -Not -Match 'legacy'
    }

    It 'says where the All-resources block lets Valeria Costa register' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Valeria Costa')).Findings[2]
        $finding.Status | Should -Be 'Warn'
        $finding.Evidence['policy'] | Should -Be 'All resources: store kiosk staff sign in only from the store network'
        $finding.Evidence['conditions'] | Should -Be 'except from trusted locations'
        $finding.Remediation | Should -Match "^Have the user register where 'All resources: store kiosk staff sign in only from the store network' does not block sign-in \(it blocks except from trusted locations\)"
    }

    It 'names the excluding group for Lee Gu' {
        $finding = (Test-EntraPasskey -UserId (Upn 'Lee Gu')).Findings[0]
        $finding.Evidence['excludedBy'] | Should -Be 'Passkey Exclusions'
        $finding.Message | Should -Match "'Passkey Exclusions'"
    }

    It 'reports layers 6 and 7 as NotChecked without -Aaguid, never as Pass' {
        $findings = (Test-EntraPasskey -UserId (Upn 'Adele Vance')).Findings
        $findings.Count | Should -Be 7
        ($findings | Where-Object Layer -In 6, 7).Status | Sort-Object -Unique | Should -Be 'NotChecked'
        ($findings | Where-Object Layer -In 6, 7).Message | ForEach-Object { $_ | Should -Match 'pass -Aaguid' }
        ($findings | Where-Object Layer -In 1, 2, 3, 4, 5).Status | Sort-Object -Unique | Should -Be 'Pass'
    }
}

Describe 'Pipeline input' {
    It 'binds strings by value and keeps input order' {
        $names = 'Lee Gu', 'Adele Vance', 'Nestor Wilke', 'Alex Wilber'
        $results = $names | ForEach-Object { Upn $_ } | Test-EntraPasskey
        $results.UserPrincipalName | Should -Be ($names | ForEach-Object { Upn $_ })
    }

    It 'binds Get-MgUser-shaped objects by property name (Id and UserPrincipalName)' {
        $objects = 'Megan Bowen', 'Adele Vance' | ForEach-Object { [pscustomobject]@{ Id = $Users[$_].id; UserPrincipalName = $Users[$_].userPrincipalName; DisplayName = $_ } }
        $results = $objects | Test-EntraPasskey
        $results.UserId | Should -Be $objects.Id
        $results[0].ReasonCode | Should -Be 'IncludeTargetDeleted'
    }

    It 'binds Import-Csv rows with a UserPrincipalName column' {
        $csv = "UserPrincipalName,Ticket`n$(Upn 'Nestor Wilke'),T-1001`n$(Upn 'Alex Wilber'),T-1002" | ConvertFrom-Csv
        $results = $csv | Test-EntraPasskey
        $results.Verdict | Should -Be @('Blocked', 'Ready')
    }

    It 'takes object ids as well as UPNs, and the apostrophe in o''brien@contoso.com' {
        $results = $Users["Conor O'Brien"].id, (Upn "Conor O'Brien") | Test-EntraPasskey
        $results.Count | Should -Be 2
        $results.UserId | Sort-Object -Unique | Should -Be $Users["Conor O'Brien"].id
    }

    It 'returns one verdict per input for duplicates' {
        $results = (Upn 'Adele Vance'), (Upn 'Adele Vance'), (Upn 'Adele Vance') | Test-EntraPasskey
        $results.Count | Should -Be 3
    }

    It 'returns $true or $false with -Quiet' {
        (Upn 'Adele Vance'), (Upn 'Lee Gu') | Test-EntraPasskey -Quiet | Should -Be @($true, $false)
    }

    It 'follows the verdict with -Quiet: an MFA hours old is advice, not a reason to say no; a single passkey is' {
        (Upn 'Henrietta Mueller'), (Upn 'Debra Berger'), (Upn 'Lynne Robbins') | Test-EntraPasskey -Quiet | Should -Be @($true, $true, $false)
    }
}

Describe 'Errors: exactly one verdict or one error per input, in order' {
    It 'mixes verdicts and errors without losing or reordering any input' {
        $inputs = (Upn 'Adele Vance'), 'ghost.user@contoso.com', 'not a user', '', (Upn 'Lee Gu'), '00000000-0000-0000-0000-0000000000aa'
        $errors = $null
        $results = $inputs | Test-EntraPasskey -ErrorVariable errors -ErrorAction SilentlyContinue
        $results.UserPrincipalName | Should -Be @((Upn 'Adele Vance'), (Upn 'Lee Gu'))
        $errors.Count | Should -Be 4
        $errors.TargetObject | Should -Be @('ghost.user@contoso.com', 'not a user', '', '00000000-0000-0000-0000-0000000000aa')
    }

    It 'reports an object with no id property once, naming it, between the verdicts of the users around it' {
        # Without Id, UserPrincipalName, UPN or ObjectId, PowerShell binds the object by value as its text.
        $inputs = @(
            [pscustomobject]@{ UserPrincipalName = (Upn 'Adele Vance') }
            [pscustomobject]@{ DisplayName = 'x' }
            (Upn 'Lee Gu')
            [pscustomobject]@{ Id = $Users['Megan Bowen'].id }
        )
        # Continue: the suite runner's Stop preference would make the error end the pipeline.
        $output = @($inputs | Test-EntraPasskey -ErrorAction Continue 2>&1)
        $output | ForEach-Object { $_.GetType().Name } | Should -Be @('PasskeyDiagnosis', 'ErrorRecord', 'PasskeyDiagnosis', 'PasskeyDiagnosis')
        $output[0].UserPrincipalName | Should -Be (Upn 'Adele Vance')
        $output[2].UserPrincipalName | Should -Be (Upn 'Lee Gu')
        $output[3].UserId | Should -Be $Users['Megan Bowen'].id
        $output[1].FullyQualifiedErrorId | Should -Be 'UserIdMalformed,EntraPasskey.Commands.TestEntraPasskeyCommand'
        $output[1].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $output[1].TargetObject | Should -Be '@{DisplayName=x}'
        $output[1].Exception.Message | Should -Be "Input 2 (DisplayName 'x'): the object has no Id, UserPrincipalName, UPN or ObjectId property, so it does not name a user."
        $output[1].ErrorDetails.RecommendedAction | Should -Match 'Id or UserPrincipalName property'
    }

    It 'reports an unknown user as ObjectNotFound with a stable id and a next step' {
        Test-EntraPasskey -UserId 'ghost.user@contoso.com' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,EntraPasskey.Commands.TestEntraPasskeyCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be 'ghost.user@contoso.com'
        $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
    }

    It 'rejects a malformed id as <ErrorId> before calling Graph' -TestCases @(
        @{ Value = 'not a user'; ErrorId = 'UserIdMalformed' }
        @{ Value = 'two@at@signs.com'; ErrorId = 'UserIdMalformed' }
        @{ Value = ''; ErrorId = 'UserIdEmpty' }
        @{ Value = '   '; ErrorId = 'UserIdEmpty' }
    ) {
        param($Value, $ErrorId)
        Clear-SimulatorRequest -Simulator $Sim
        Test-EntraPasskey -UserId $Value -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,EntraPasskey.Commands.TestEntraPasskeyCommand"
        $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Get-SimulatorRequest -Simulator $Sim | Should -BeNullOrEmpty
    }

    It 'names the missing permission when the token lacks it, for every user' {
        Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'Policy.Read.All' | Out-Null
        try {
            $results = (Upn 'Adele Vance'), (Upn 'Lee Gu') | Test-EntraPasskey -ErrorVariable errors -ErrorAction SilentlyContinue
            $results | Should -BeNullOrEmpty
            $errors.Count | Should -Be 2
            $errors.FullyQualifiedErrorId | Sort-Object -Unique | Should -Be 'PermissionDenied,EntraPasskey.Commands.TestEntraPasskeyCommand'
            $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $errors[0].Exception.Message | Should -Match 'UserAuthenticationMethod\.Read\.All'
        }
        finally {
            Connect-Simulator -Simulator $Sim | Out-Null
        }
    }
}

Describe 'An access token that expires' {
    It 'stops the run once, naming when the token expired, with every user not diagnosed as its target' {
        $context = Connect-SimulatorWithExpiredToken -Simulator $Sim
        try {
            $inputs = (Upn 'Adele Vance'), (Upn 'Lee Gu'), 'ghost.user@contoso.com', (Upn 'Nestor Wilke')
            Clear-SimulatorRequest -Simulator $Sim
            $stopped = $null
            try {
                $inputs | Test-EntraPasskey -ErrorVariable errors -OutVariable results | Out-Null
            }
            catch {
                $stopped = $_
            }

            @($results).Count | Should -Be 0
            @($errors).Count | Should -Be 1 -Because 'the users left are reported once, together, not one by one'
            $stopped.FullyQualifiedErrorId | Should -Be 'AccessTokenExpired,EntraPasskey.Commands.TestEntraPasskeyCommand'
            $stopped.CategoryInfo.Category | Should -Be 'AuthenticationError'
            $stopped.Exception.Message | Should -Be ("The access token expired at {0:u}. The run stopped there: 4 users were not diagnosed, from '{1}' on." -f $context.TokenExpiresOn, $inputs[0])
            $stopped.TargetObject | Should -Be $inputs
            $stopped.ErrorDetails.RecommendedAction | Should -Match 'Connect-EntraPasskey'
            Get-SimulatorRequest -Simulator $Sim | Should -BeNullOrEmpty
        }
        finally {
            Connect-Simulator -Simulator $Sim | Out-Null
        }
    }
}

Describe 'Tenant-wide settings' {
    AfterEach { Reset-GraphSimulator -Simulator $Sim }

    It 'blocks everyone at layer 1 when the Passkey (FIDO2) method is disabled' {
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ state = 'disabled' }
        (Test-EntraPasskey -UserId (Upn 'Adele Vance')).ReasonCode | Should -Be 'Fido2MethodDisabled'
    }

    It 'blocks everyone at layer 1 when self-service set-up is off' {
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'Fido2' -Properties @{ isSelfServiceRegistrationAllowed = $false }
        (Test-EntraPasskey -UserId (Upn 'Adele Vance')).ReasonCode | Should -Be 'SelfServiceRegistrationDisabled'
    }

    It 'stops counting a TAP as MFA when the TAP method is disabled' {
        Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'TemporaryAccessPass' -Properties @{ state = 'disabled' }
        (Test-EntraPasskey -UserId (Upn 'Joni Sherman')).ReasonCode | Should -Be 'TapNotUsable'
    }
}

Describe 'Output for people and for files' {
    It 'shows a lone user with every layer, its Fix and the sentence of every layer that did not pass' {
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Lee Gu')
        # The view wraps long values at spaces to the console's width: read it with its lines joined.
        $text = ($diagnosis | Out-String -Width 400) -replace '\s+', ' '
        $text | Should -Match 'Verdict\s+: Blocked'
        $text | Should -Match 'Layer\s+: 1 \(Authentication methods policy\)'
        $text | Should -Match ('Fix\s+: ' + [regex]::Escape($diagnosis.Fix))
        foreach ($name in 'Authentication methods policy', 'Passkey profile / key restrictions', 'MFA bootstrap', 'Recent MFA session', 'Platform / browser', 'Hardware', 'Passkey provider') {
            $text | Should -Match ([regex]::Escape($name))
        }
        foreach ($finding in $diagnosis.Findings | Where-Object Status -In 'Fail', 'Warn', 'Unknown', 'Advice') {
            $text | Should -Match ('{0} {1}\s+{2}\s+{3}: {4}' -f $finding.Layer, [regex]::Escape($finding.LayerName), $finding.Status, $finding.ReasonCode, [regex]::Escape($finding.Message))
        }
    }

    It 'shows the sentence of a Warn and of an Unknown row in the single-user view' -TestCases @(
        @{ Name = 'Grace Taylor'; Layer = 5; Status = 'Warn' }
        @{ Name = 'Karen Berg'; Layer = 3; Status = 'Unknown' }
    ) {
        param($Name, $Layer, $Status)
        $diagnosis = Test-EntraPasskey -UserId (Upn $Name)
        $finding = $diagnosis.Findings[$Layer - 1]
        $finding.Status | Should -Be $Status
        ($diagnosis | Out-String -Width 1000) -replace '\s+', ' ' | Should -Match ("$Layer .+ $Status\s+$($finding.ReasonCode): " + [regex]::Escape($finding.Message))
    }

    It 'shows many users as a table with UPN, Verdict, Layer, Owner and Summary' {
        $text = (Upn 'Adele Vance'), (Upn 'Lee Gu') | Test-EntraPasskey | Out-String -Width 200
        $text | Should -Match 'UserPrincipalName\s+Verdict\s+Layer\s+Owner\s+Summary'
        $text | Should -Match 'LeeG@contoso\.com\s+Blocked\s+1 IdentityTeam Lee Gu is excluded'
    }

    It 'fits the whole sample tenant in a 120-column table, one line per user' {
        $diagnoses = @($Users.Values.userPrincipalName | Test-EntraPasskey)
        $lines = @(($diagnoses | Out-String -Width 120) -split '\r?\n' | Where-Object { $_.Trim() })
        $tooLong = @($lines | Where-Object Length -GT 120)
        $tooLong | Should -BeNullOrEmpty -Because 'a 120-column console must not wrap a row'
        # A header, its underline, then exactly one line per user, each starting with that user's name.
        $lines.Count | Should -Be ($diagnoses.Count + 2)
        for ($i = 0; $i -lt $diagnoses.Count; $i++) {
            $upn = $diagnoses[$i].UserPrincipalName
            $lines[$i + 2] | Should -BeLike "$([WildcardPattern]::Escape($upn.Substring(0, [Math]::Min(20, $upn.Length))))*"
        }
    }

    It 'gives the column widths 32 of 120 columns to the UPN and 60 to the summary, which ends in an ellipsis when cut' {
        $line = @(((Upn 'Megan Bowen'), (Upn 'Lee Gu') | Test-EntraPasskey | Out-String -Width 120) -split '\r?\n' | Where-Object { $_ -like 'MeganB@*' })[0]
        $line.Length | Should -Be 120
        $line | Should -Match ('^MeganB@contoso\.com\s+Blocked\s+1 IdentityTeam Megan Bowen .+' + [char] 0x2026 + '$')
    }

    It 'flattens for Export-Csv, with the Layer and the Fix of each verdict' {
        $path = Join-Path $TestDrive 'report.csv'
        $diagnoses = (Upn 'Lee Gu'), (Upn 'Adele Vance'), (Upn 'Grace Taylor') | Test-EntraPasskey
        $diagnoses | Export-Csv $path -NoTypeInformation
        $rows = Import-Csv $path
        $rows[0].Verdict | Should -Be 'Blocked'
        $rows[0].ReasonCode | Should -Be 'UserExcluded'
        $rows[0].Layer | Should -Be '1'
        $rows[0].Fix | Should -Be 'Remove the user from Passkey Exclusions if they should use passkeys.'
        $rows[0].Findings | Should -Match '^1 Fail UserExcluded \| 2 NotChecked'
        $rows[1].Verdict | Should -Be 'Ready'
        $rows[1].Layer | Should -BeNullOrEmpty
        $rows[1].Fix | Should -BeNullOrEmpty
        $rows[2].Verdict | Should -Be 'AtRisk'
        $rows[2].Layer | Should -Be '5'
        $rows[2].Fix | Should -Be $diagnoses[2].Findings[4].Remediation
        $rows[2].Fix | Should -Match '^Confirm the device the user will register on'
    }

    It 'has Fix and Layer as properties, for Select-Object and Get-Member' {
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Karen Berg')
        ($diagnosis | Get-Member -MemberType Property).Name | Should -Contain 'Fix'
        ($diagnosis | Get-Member -MemberType Property).Name | Should -Contain 'Layer'
        ($diagnosis | Select-Object -ExpandProperty Fix) | Should -Be $diagnosis.Findings[2].Remediation
        $diagnosis.Layer | Should -Be 3
    }

    It 'round-trips through ConvertTo-Json' {
        $json = Test-EntraPasskey -UserId (Upn 'Lee Gu') | ConvertTo-Json -Depth 5 -EnumsAsStrings | ConvertFrom-Json
        $json.Verdict | Should -Be 'Blocked'
        $json.Findings[0].Evidence.excludedBy | Should -Be 'Passkey Exclusions'
    }
}

Describe 'Text a help desk reads aloud' {
    BeforeAll {
        function script:Get-NestingDepth([string] $Text) {
            $depth = 0; $deepest = 0
            foreach ($character in $Text.ToCharArray()) {
                if ($character -eq '(') { $depth++; $deepest = [Math]::Max($deepest, $depth) }
                elseif ($character -eq ')') { $depth-- }
            }
            $deepest
        }
        $script:AllDiagnoses = @($Users.Values.userPrincipalName | Test-EntraPasskey) + @($Users.Values.userPrincipalName | Test-EntraPasskey -Aaguid 'cb69481e-8ff7-4039-93ec-0a2729a154a8')
    }

    It 'never nests parentheses in a summary, a message or a fix, for any sample user' {
        $texts = foreach ($diagnosis in $AllDiagnoses) {
            $diagnosis.Summary
            $diagnosis.Findings | ForEach-Object { $_.Message; $_.Remediation } | Where-Object { $_ }
        }
        $nested = @($texts | Sort-Object -Unique | Where-Object { (Get-NestingDepth $_) -gt 1 })
        $nested | Should -BeNullOrEmpty
    }

    It 'keeps every summary on one line of text, whatever the verdict, within two lines of a 120-column console' {
        $AllDiagnoses.Summary | Where-Object { $_ -match '[\r\n]' } | Should -BeNullOrEmpty
        $AllDiagnoses | Where-Object { $_.Summary.Length -gt 240 } | ForEach-Object Summary | Should -BeNullOrEmpty
    }

    It 'names a directory role instead of reading out its template id' {
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Karen Berg')
        $diagnosis.Findings[2].Message | Should -Match 'holders of the Global Administrator role'
        $diagnosis.Findings[2].Message | Should -Not -Match '62e90394-69f5-4237-9190-012177145e10'
    }

    It 'says a deleted include target has been deleted, and leaves its id to the fix' {
        $diagnosis = Test-EntraPasskey -UserId (Upn 'Megan Bowen')
        $diagnosis.Summary | Should -Match 'an include target is a group that has been deleted'
        $diagnosis.Summary | Should -Not -Match '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'
        $diagnosis.Fix | Should -Match 'Restore the deleted group .*object id [0-9a-f]{8}-'
    }

    It 'says what a passkey profile accepts as counts, naming the user''s own model, not a catalog' {
        $AllDiagnoses | ForEach-Object { $_.Findings[1].Message } | Where-Object { $_ -match 'more models' } | Should -BeNullOrEmpty
        $profile = (Test-EntraPasskey -UserId (Upn 'Uma Nair')).Findings[1]
        $profile.Message | Should -Match 'accepts Microsoft Authenticator and \d+ security keys from the catalog, among them YubiKey 5 Series with NFC, which Uma Nair has registered;'
    }
}

Describe 'Ctrl+C' {
    It 'stops a bulk run promptly with no error records' {
        $slow = Start-GraphSimulator -LatencyMs 3000
        try {
            $token = New-SimulatorToken -Simulator $slow
            $shell = [powershell]::Create()
            $null = $shell.AddScript({
                param($Module, $Token, $Graph, $Users)
                Import-Module $Module
                Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Graph | Out-Null
                $Users | Test-EntraPasskey
            }).AddArgument($env:ENTRAPASSKEY_MODULE).AddArgument($token).AddArgument($slow.Graph).AddArgument(@($Users.Values.userPrincipalName * 5))
            $async = $shell.BeginInvoke()
            Start-Sleep -Milliseconds 1500
            $shell.Stop()
            $shell.InvocationStateInfo.State | Should -Be 'Stopped'
            $shell.Streams.Error.Count | Should -Be 0
            $requestsAfterStop = (Get-SimulatorRequest -Simulator $slow).Count
            Start-Sleep -Milliseconds 3500
            (Get-SimulatorRequest -Simulator $slow).Count | Should -Be $requestsAfterStop -Because 'no background work is left running'
            $shell.Dispose()
        }
        finally {
            Stop-GraphSimulator $slow
        }
    }
}
