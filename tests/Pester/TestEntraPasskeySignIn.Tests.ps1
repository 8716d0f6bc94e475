BeforeDiscovery {
    # The sample tenant's users who show each cause of "registered but cannot sign in", and their near misses.
    $script:SampleUsers = @(
        @{ Name = 'Samir Khan'; Verdict = 'Blocked'; Reason = 'SignInAaguidNotAllowed'; Owner = 'IdentityTeam' }
        @{ Name = 'Tanya Vogel'; Verdict = 'Blocked'; Reason = 'SignInAaguidBlocked'; Owner = 'IdentityTeam' }
        @{ Name = 'Uma Nair'; Verdict = 'AtRisk'; Reason = 'SignInPasskeyTypeNotAllowed'; Owner = 'IdentityTeam' }
        @{ Name = 'Victor Lind'; Verdict = 'Blocked'; Reason = 'SignInUserNotTargeted'; Owner = 'IdentityTeam' }
        @{ Name = 'Wendy Stone'; Verdict = 'Blocked'; Reason = 'SignInStrengthExcludesPasskeys'; Owner = 'IdentityTeam' }
        @{ Name = 'Xavier Diaz'; Verdict = 'Blocked'; Reason = 'SignInStrengthAaguidNotAllowed'; Owner = 'IdentityTeam' }
        @{ Name = 'Yara Malik'; Verdict = 'AtRisk'; Reason = 'PasskeySignInFailed'; Owner = 'User' }
        @{ Name = 'Zoe Ross'; Verdict = 'Ready'; Reason = $null; Owner = $null }
        @{ Name = 'Felix Gruber'; Verdict = 'Ready'; Reason = $null; Owner = $null }
        @{ Name = 'Lynne Robbins'; Verdict = 'Ready'; Reason = $null; Owner = $null }
        @{ Name = 'Adele Vance'; Verdict = 'Blocked'; Reason = 'NoPasskeyRegistered'; Owner = 'User' }
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
    $script:CommandName = 'EntraPasskey.Commands.TestEntraPasskeySignInCommand'
    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Test-EntraPasskeySignIn' {
    Describe 'The sample tenant' {
        It '<Name> is <Verdict> (<Reason>)' -TestCases $SampleUsers {
            param($Name, $Verdict, $Reason, $Owner)
            $diagnosis = Test-EntraPasskeySignIn -UserId (Upn $Name)

            $diagnosis | Should -BeOfType ([EntraPasskey.PasskeySignInDiagnosis])
            $diagnosis.Verdict | Should -Be $Verdict
            $diagnosis.ReasonCode | Should -Be $Reason
            $diagnosis.UserId | Should -Be $Users[$Name].id
            if ($Owner) { $diagnosis.Owner | Should -Be $Owner } else { $diagnosis.Owner | Should -BeNullOrEmpty }
        }

        It 'describes each passkey as Graph registered it, with its own finding' {
            $diagnosis = Test-EntraPasskeySignIn -UserId (Upn 'Uma Nair')

            $diagnosis.Passkeys.Count | Should -Be 2
            $synced = $diagnosis.Passkeys | Where-Object Name -EQ 'Google Password Manager'
            $synced.Aaguid | Should -Be ([guid] 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4')
            $synced.PasskeyType | Should -Be 'synced'
            $synced.AttestationLevel | Should -Be 'notAttested'
            $synced.CreatedDateTime | Should -BeOfType ([DateTimeOffset])
            $synced.CanSignIn | Should -BeFalse
            $synced.ReasonCode | Should -Be 'SignInPasskeyTypeNotAllowed'
            $synced.Message | Should -Match "passkey profile 'Security keys only' admits device-bound passkeys only, and this passkey is synced"
            $synced.Remediation | Should -Not -BeNullOrEmpty
            $key = $diagnosis.Passkeys | Where-Object Name -EQ 'YubiKey 5 NFC'
            $key.CanSignIn | Should -BeTrue
            $key.Status | Should -Be 'Pass'
            $diagnosis.Summary | Should -Match "^At risk: Uma Nair can sign in with 'YubiKey 5 NFC', but not with 'Google Password Manager'\."
        }

        It 'maps the failed passkey sign-in Yara Malik had to its documented meaning' {
            $diagnosis = Test-EntraPasskeySignIn -UserId (Upn 'Yara Malik')

            $diagnosis.SignInLogs.Status | Should -Be 'Warn'
            $diagnosis.SignInLogs.Message | Should -Match 'AADSTS135010 KeyNotFound'
            $diagnosis.SignInLogs.Evidence['errorCode'] | Should -Be '135010'
            $diagnosis.Passkeys[0].Status | Should -Be 'Pass'
        }

        It 'sees that Zoe Ross''s failure was followed by a successful passkey sign-in' {
            (Test-EntraPasskeySignIn -UserId (Upn 'Zoe Ross')).SignInLogs.Message | Should -Match '^The latest sign-in with a passkey succeeded'
        }
    }

    Describe 'Evidence it cannot read' {
        It 'is Unknown, naming Policy.Read.All, when Conditional Access cannot be read' {
            Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.AuthenticationMethod', 'AuditLog.Read.All' | Out-Null
            try {
                $diagnosis = Test-EntraPasskeySignIn -UserId (Upn 'Felix Gruber')

                $diagnosis.Verdict | Should -Be 'Unknown'
                $diagnosis.ReasonCode | Should -Be 'SignInConditionalAccessUnreadable'
                $diagnosis.Passkeys[0].Evidence['missingPermission'] | Should -Be 'Policy.Read.All'
            }
            finally {
                Connect-Simulator -Simulator $Sim | Out-Null
            }
        }

        It 'keeps the verdict and names the logs when sign-in logs cannot be read' {
            Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All' | Out-Null
            try {
                $diagnosis = Test-EntraPasskeySignIn -UserId (Upn 'Yara Malik')

                $diagnosis.Verdict | Should -Be 'Ready'
                $diagnosis.SignInLogs.ReasonCode | Should -Be 'SignInLogsUnreadable'
                $diagnosis.Summary | Should -Match 'The sign-in logs could not be read\.$'
            }
            finally {
                Connect-Simulator -Simulator $Sim | Out-Null
            }
        }
    }

    Describe 'Pipeline input and output' {
        It 'binds -UserId like Test-EntraPasskey: position 0, by value and by property name, same aliases' {
            $parameter = (Get-Command Test-EntraPasskeySignIn).Parameters['UserId']
            $attribute = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $attribute.ValueFromPipeline | Should -BeTrue
            $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
            $attribute.Position | Should -Be 0
            $parameter.Aliases | Sort-Object | Should -Be ((Get-Command Test-EntraPasskey).Parameters['UserId'].Aliases | Sort-Object)
        }

        It 'gives one verdict or one error per input, in input order' {
            $inputs = (Upn 'Tanya Vogel'), 'ghost.user@contoso.com', 'not a user', '', (Upn 'Zoe Ross')

            $results = $inputs | Test-EntraPasskeySignIn -ErrorAction Continue 2>&1

            $results.Count | Should -Be 5
            $results[0].UserPrincipalName | Should -Be (Upn 'Tanya Vogel')
            $results[1..3].FullyQualifiedErrorId | Should -Be @("UserNotFound,$CommandName", "UserIdMalformed,$CommandName", "UserIdEmpty,$CommandName")
            $results[1..3].TargetObject | Should -Be @('ghost.user@contoso.com', 'not a user', '')
            $results[4].UserPrincipalName | Should -Be (Upn 'Zoe Ross')
        }

        It 'takes Import-Csv rows and Get-MgUser-shaped objects' {
            $rows = 'Samir Khan', 'Zoe Ross' | ForEach-Object { [pscustomobject]@{ UserPrincipalName = (Upn $_) } }
            $objects = 'Samir Khan', 'Zoe Ross' | ForEach-Object { [pscustomobject]@{ Id = $Users[$_].id } }

            ($rows | Test-EntraPasskeySignIn).Verdict | Should -Be @('Blocked', 'Ready')
            ($objects | Test-EntraPasskeySignIn).UserId | Should -Be $objects.Id
        }

        It 'hands the unusable passkeys of a bulk run to Remove-EntraPasskey by MethodId' {
            $unusable = (Upn 'Uma Nair') | Test-EntraPasskeySignIn |
                ForEach-Object { $user = $_; $_.Passkeys | Where-Object CanSignIn -EQ $false | ForEach-Object { [pscustomobject]@{ UserId = $user.UserId; MethodId = $_.MethodId } } }

            @($unusable).Count | Should -Be 1
            $removed = $unusable | Remove-EntraPasskey -WhatIf
            $removed | Should -BeNullOrEmpty
        }

        It 'shows many users as a table and a lone user in the detailed view' {
            $many = (Upn 'Tanya Vogel'), (Upn 'Zoe Ross') | Test-EntraPasskeySignIn | Out-String -Width 250
            $many | Should -Match 'UserPrincipalName\s+Verdict\s+Owner\s+ReasonCode\s+Summary'
            $many | Should -Match ([regex]::Escape((Upn 'Tanya Vogel')) + '\s+Blocked\s+IdentityTeam\s+SignInAaguidBlocked')

            $one = Test-EntraPasskeySignIn -UserId (Upn 'Uma Nair')
            $one.PSObject.TypeNames[0] | Should -Be 'EntraPasskey.PasskeySignInDiagnosis#Detail'
            $detail = $one | Out-String -Width 250
            $detail | Should -Match 'Passkeys\s+: Google Password Manager\s+synced\s+Fail\s+SignInPasskeyTypeNotAllowed'
            $detail | Should -Match 'YubiKey 5 NFC\s+deviceBound\s+Pass'
            $detail | Should -Match 'SignInLogs\s+: Pass'
        }

        It 'flattens for Export-Csv and keeps the verdict a word in JSON' {
            $diagnosis = Test-EntraPasskeySignIn -UserId (Upn 'Uma Nair')
            $csv = $diagnosis | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv

            $csv.Passkeys | Should -Be 'Google Password Manager: Fail SignInPasskeyTypeNotAllowed | YubiKey 5 NFC: Pass'
            $csv.SignInLogs | Should -Be 'Pass'
            ($diagnosis | ConvertTo-Json -Depth 4 -EnumsAsStrings | ConvertFrom-Json).Verdict | Should -Be 'AtRisk'
        }

        It 'does not offer -WhatIf: it changes nothing' {
            (Get-Command Test-EntraPasskeySignIn).Parameters.ContainsKey('WhatIf') | Should -BeFalse
        }
    }
}
