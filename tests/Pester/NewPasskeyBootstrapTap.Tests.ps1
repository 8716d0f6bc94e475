BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    $script:ReadRoles = @('User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All', 'Policy.Read.AuthenticationMethod')
    # What a help desk app that both diagnoses and issues passes holds; the create itself needs only the write permission.
    $script:IssuerRoles = @('User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.ReadWrite.All', 'Policy.Read.AuthenticationMethod', 'Policy.Read.All', 'AuditLog.Read.All')
    Connect-Simulator -Simulator $Sim -Roles $IssuerRoles | Out-Null
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Users = @{}
    foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    $script:CommandName = 'EntraPasskey.Commands.NewPasskeyBootstrapTapCommand'

    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }

    function script:Get-TapWrite {
        # Every create call the simulator saw (top-level or inside a $batch).
        $requests = Get-SimulatorRequest -Simulator $Sim
        @($requests | Where-Object { $_.method -ne 'GET' -and $_.path -like '*/authentication/temporaryAccessPassMethods*' })
    }

    function script:Get-StoredTap([string] $DisplayName) {
        # The user's TAP methods as Graph serves them now (never with the pass).
        $token = New-SimulatorToken -Simulator $Sim -Roles 'UserAuthenticationMethod.Read.All'
        @((Invoke-RestMethod -Uri "$($Sim.Graph)/v1.0/users/$($Users[$DisplayName].id)/authentication/temporaryAccessPassMethods" -Headers @{ Authorization = "Bearer $token" }).value)
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'New-PasskeyBootstrapTap' {
    BeforeEach {
        Reset-GraphSimulator -Simulator $Sim
        Clear-SimulatorRequest -Simulator $Sim
    }

    Describe 'Issuing a pass' {
        It 'issues a one-time pass with the policy''s default lifetime to a user without MFA' {
            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -WarningAction SilentlyContinue

            $tap | Should -BeOfType ([EntraPasskey.BootstrapTap])
            $tap.UserPrincipalName | Should -Be (Upn 'Nestor Wilke')
            $tap.UserId | Should -Be $Users['Nestor Wilke'].id
            $tap.TemporaryAccessPass.Length | Should -Be 8
            $tap.LifetimeInMinutes | Should -Be 60
            $tap.IsUsableOnce | Should -BeTrue
            $tap.IsUsable | Should -BeTrue
            $tap.MethodUsabilityReason | Should -Be 'EnabledByPolicy'
            $tap.ExpiresDateTime | Should -Be $tap.StartDateTime.AddMinutes(60)
            ([DateTimeOffset]::UtcNow - $tap.StartDateTime).TotalMinutes | Should -BeLessThan 5
            $tap.NextSteps | Should -Match 'https://aka\.ms/mysecurityinfo'
            $tap.NextSteps | Should -Match 'passkey and a backup method within the 10 minutes a one-time pass allows'
            $writes = Get-TapWrite
            $writes.Count | Should -Be 1
            $writes[0].method | Should -Be 'POST'
            $writes[0].path | Should -Be "/v1.0/users/$($Users['Nestor Wilke'].id)/authentication/temporaryAccessPassMethods"
            $writes[0].status | Should -Be 201
            (Get-StoredTap 'Nestor Wilke').Count | Should -Be 1
        }

        It 'turns a user blocked at layer 3 (NoMfaCapableMethod) into one whose layer 3 passes' {
            $before = Test-EntraPasskey -UserId (Upn 'Nestor Wilke')
            $before.Verdict | Should -Be 'Blocked'
            $before.BlockingLayer | Should -Be 3
            $before.ReasonCode | Should -Be 'NoMfaCapableMethod'

            New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -WarningAction SilentlyContinue | Out-Null

            $after = Test-EntraPasskey -UserId (Upn 'Nestor Wilke')
            ($after.Findings | Where-Object Layer -EQ 3).Status | Should -Be 'Pass'
            $after.BlockingLayer | Should -Not -Be 3
        }

        It 'takes -LifetimeInMinutes and -StartDateTime (a pass for a first morning is not usable yet)' {
            $start = [DateTimeOffset]::new([DateTime]::UtcNow.Date.AddDays(2).AddHours(8), [TimeSpan]::Zero)

            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -LifetimeInMinutes 120 -StartDateTime $start -Confirm:$false -WarningAction SilentlyContinue

            $tap.StartDateTime | Should -Be $start
            $tap.LifetimeInMinutes | Should -Be 120
            $tap.ExpiresDateTime | Should -Be $start.AddMinutes(120)
            $tap.IsUsable | Should -BeFalse
            $tap.MethodUsabilityReason | Should -Be 'NotYetValid'
        }

        It 'binds -StartDateTime from a string with an offset' {
            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -StartDateTime '2030-09-02T08:00:00+02:00' -Confirm:$false -WarningAction SilentlyContinue

            $tap.StartDateTime.UtcDateTime | Should -Be ([DateTime]::new(2030, 9, 2, 6, 0, 0, [DateTimeKind]::Utc))
        }

        It 'stays one-time unless -UsableOnce:$false asks for multi-use' {
            Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'TemporaryAccessPass' -Properties @{ isUsableOnce = $false }

            $default = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -WarningAction SilentlyContinue
            $multi = New-PasskeyBootstrapTap -UserId (Upn 'Alex Wilber') -UsableOnce:$false -Confirm:$false -WarningAction SilentlyContinue

            $default.IsUsableOnce | Should -BeTrue
            $multi.IsUsableOnce | Should -BeFalse
            $multi.NextSteps | Should -Not -Match '10 minutes'
        }

        It 'rejects a lifetime outside Graph''s 10 to 43200 minutes while binding' {
            { New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -LifetimeInMinutes 5 -Confirm:$false } |
                Should -Throw -ErrorId 'ParameterArgumentValidationError,EntraPasskey.Commands.NewPasskeyBootstrapTapCommand'
            Get-SimulatorRequest -Simulator $Sim | Should -BeNullOrEmpty
        }
    }

    Describe 'Checks before issuing' {
        It 'refuses <Name> <With> with <ErrorId> (<Category>) before any write' -TestCases @(
            @{ Name = 'Megan Bowen'; With = 'as is'; Parameters = @{}; ErrorId = 'TapUserNotTargeted'; Category = 'InvalidOperation'; Pattern = "not in the Temporary Access Pass policy's include targets \(group 'TAP Onboarding'\)" }
            @{ Name = 'Pat Fabrikam (Guest)'; With = 'as is'; Parameters = @{}; ErrorId = 'TapExternalGuest'; Category = 'InvalidOperation'; Pattern = 'Temporary Access Pass cannot be added to an external guest user' }
            @{ Name = 'Irvin Sayers'; With = 'as is'; Parameters = @{}; ErrorId = 'TapAccountDisabled'; Category = 'InvalidOperation'; Pattern = 'account is disabled' }
            @{ Name = 'Nestor Wilke'; With = 'for 600 minutes'; Parameters = @{ LifetimeInMinutes = 600 }; ErrorId = 'TapLifetimeOutsidePolicy'; Category = 'InvalidArgument'; Pattern = 'allowed range of 60 to 480 minutes' }
            @{ Name = 'Nestor Wilke'; With = 'multi-use'; Parameters = @{ UsableOnce = $false }; ErrorId = 'TapMultiUseNotAllowed'; Category = 'InvalidArgument'; Pattern = 'allows only one-time passes' }
        ) {
            param($Name, $With, $Parameters, $ErrorId, $Category, $Pattern)
            $errors = $null

            $result = New-PasskeyBootstrapTap -UserId (Upn $Name) @Parameters -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

            $result | Should -BeNullOrEmpty
            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$CommandName"
            $errors[0].CategoryInfo.Category | Should -Be $Category
            $errors[0].TargetObject | Should -Be (Upn $Name)
            $errors[0].Exception.Message | Should -Match $Pattern
            $errors[0].ErrorDetails.RecommendedAction | Should -Not -BeNullOrEmpty
            Get-TapWrite | Should -BeNullOrEmpty
        }

        It 'refuses when the TAP method is disabled, naming the policy' {
            Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'TemporaryAccessPass' -Properties @{ state = 'disabled' }

            New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $errors[0].FullyQualifiedErrorId | Should -Be "TapPolicyDisabled,$CommandName"
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $errors[0].Exception.Message | Should -Match 'Temporary Access Pass method is disabled in the authentication methods policy'
            $errors[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
            Get-TapWrite | Should -BeNullOrEmpty
        }

        It '-Force does not override <ErrorId>' -TestCases @(
            @{ Name = 'Pat Fabrikam (Guest)'; Parameters = @{}; ErrorId = 'TapExternalGuest' }
            @{ Name = 'Irvin Sayers'; Parameters = @{}; ErrorId = 'TapAccountDisabled' }
            @{ Name = 'Nestor Wilke'; Parameters = @{ LifetimeInMinutes = 481 }; ErrorId = 'TapLifetimeOutsidePolicy' }
            @{ Name = 'Nestor Wilke'; Parameters = @{ UsableOnce = $false }; ErrorId = 'TapMultiUseNotAllowed' }
        ) {
            param($Name, $Parameters, $ErrorId)
            New-PasskeyBootstrapTap -UserId (Upn $Name) @Parameters -Force -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -Be "$ErrorId,$CommandName"
            Get-TapWrite | Should -BeNullOrEmpty
        }

        It '-Force issues a pass the user cannot use yet (outside the TAP targets), and says so' {
            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Megan Bowen') -Force -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

            $tap.IsUsable | Should -BeFalse
            $tap.MethodUsabilityReason | Should -Be 'DisabledByPolicy'
            $tap.NextSteps | Should -Match '^The pass cannot be used until the Temporary Access Pass policy is enabled for Megan Bowen'
            $warnings.Count | Should -Be 2
            $warnings[0].Message | Should -Match "not in the Temporary Access Pass policy's include targets.*Issuing it anyway \(-Force\)"
            (Get-TapWrite).status | Should -Be 201
        }

        It '-Force issues a pass while the TAP method is disabled' {
            Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'TemporaryAccessPass' -Properties @{ state = 'disabled' }

            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Force -Confirm:$false -WarningAction SilentlyContinue

            $tap.IsUsable | Should -BeFalse
            $tap.MethodUsabilityReason | Should -Be 'DisabledByPolicy'
        }
    }

    Describe '-WhatIf and confirmation' {
        It 'declares ShouldProcess with ConfirmImpact High' {
            $command = Get-Command New-PasskeyBootstrapTap
            $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.SupportsShouldProcess | Should -BeTrue
            $attribute.ConfirmImpact | Should -Be 'High'
            $command.Parameters.Keys | Should -Contain 'WhatIf'
            $command.Parameters.Keys | Should -Contain 'Confirm'
        }

        It '-WhatIf runs the checks, calls no write endpoint and issues nothing' {
            $run = Invoke-WithScriptedHost -Answer 'No' -Script {
                param($Upn)
                New-PasskeyBootstrapTap -UserId $Upn -WhatIf
            } -Parameters @{ Upn = (Upn 'Nestor Wilke') }

            $run.Output | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Prompts | Should -BeNullOrEmpty
            $run.Written | Should -Contain "What if: Performing the operation `"Issue a one-time Temporary Access Pass valid for 60 minutes, from now`" on target `"$(Upn 'Nestor Wilke')`"."
            $requests = Get-SimulatorRequest -Simulator $Sim
            $requests.Count | Should -BeGreaterThan 0 -Because 'the checks read the policy and the user'
            @($requests | Where-Object { $_.method -ne 'GET' -and $_.path -notlike '*$batch' }) | Should -BeNullOrEmpty
            @($requests | Where-Object { $_.path -like '*/authentication/temporaryAccessPassMethods*' }) | Should -BeNullOrEmpty
            Get-StoredTap 'Nestor Wilke' | Should -BeNullOrEmpty
        }

        It '-WhatIf still reports a user who would be refused' {
            New-PasskeyBootstrapTap -UserId (Upn 'Pat Fabrikam (Guest)') -WhatIf -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
            $errors[0].FullyQualifiedErrorId | Should -Be "TapExternalGuest,$CommandName"
            Get-TapWrite | Should -BeNullOrEmpty
        }

        It 'asks before issuing by default, naming the user, the lifetime and one-time use' {
            $run = Invoke-WithScriptedHost -Answer 'No' -Script {
                param($Upn)
                New-PasskeyBootstrapTap -UserId $Upn
            } -Parameters @{ Upn = (Upn 'Nestor Wilke') }

            $run.Prompts.Count | Should -Be 1
            $run.Prompts[0] | Should -Match 'Issue a one-time Temporary Access Pass valid for 60 minutes'
            $run.Prompts[0] | Should -Match ([regex]::Escape((Upn 'Nestor Wilke')))
            $run.Output | Should -BeNullOrEmpty
            Get-TapWrite | Should -BeNullOrEmpty
        }

        It 'will not silently replace a usable pass: without -Force and nobody to ask, the user gets TapReplaceNotConfirmed' {
            $existing = (Get-StoredTap 'Joni Sherman').id

            New-PasskeyBootstrapTap -UserId (Upn 'Joni Sherman') -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "TapReplaceNotConfirmed,$CommandName"
            $errors[0].Exception.Message | Should -Match 'Joni Sherman already has a usable Temporary Access Pass'
            $errors[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
            Get-TapWrite | Should -BeNullOrEmpty
            (Get-StoredTap 'Joni Sherman').id | Should -Be $existing
        }

        It 'asks before replacing a usable pass, and keeps it when the answer is No' {
            $existing = (Get-StoredTap 'Joni Sherman').id

            $run = Invoke-WithScriptedHost -Answer 'No' -Script {
                param($Upn)
                New-PasskeyBootstrapTap -UserId $Upn -Confirm:$false
            } -Parameters @{ Upn = (Upn 'Joni Sherman') }

            $run.Prompts.Count | Should -Be 1
            $run.Prompts[0] | Should -Match "^Replace the Temporary Access Pass of $([regex]::Escape((Upn 'Joni Sherman'))) \| Joni Sherman already has a usable Temporary Access Pass .* Replace it\? \| Yes, Yes to All, No, No to All"
            $run.Output | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            Get-TapWrite | Should -BeNullOrEmpty
            (Get-StoredTap 'Joni Sherman').id | Should -Be $existing
        }

        It 'replaces the pass when the answer is Yes' {
            $existing = (Get-StoredTap 'Joni Sherman').id

            $run = Invoke-WithScriptedHost -Answer 'Yes' -Script {
                param($Upn)
                New-PasskeyBootstrapTap -UserId $Upn -Confirm:$false -WarningAction SilentlyContinue
            } -Parameters @{ Upn = (Upn 'Joni Sherman') }

            $run.Output.Count | Should -Be 1
            $run.Output[0].UserPrincipalName | Should -Be (Upn 'Joni Sherman')
            (Get-StoredTap 'Joni Sherman').id | Should -Not -Be $existing
        }

        It '-Force replaces a usable pass without asking' {
            $existing = (Get-StoredTap 'Joni Sherman').id

            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Joni Sherman') -Force -Confirm:$false -WarningAction SilentlyContinue

            $tap.UserPrincipalName | Should -Be (Upn 'Joni Sherman')
            $stored = Get-StoredTap 'Joni Sherman'
            $stored.Count | Should -Be 1
            $stored[0].id | Should -Not -Be $existing
        }

        It 'replaces an expired pass without asking (Grady Archie)' {
            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Grady Archie') -Confirm:$false -WarningAction SilentlyContinue

            $tap.IsUsable | Should -BeTrue
            (Get-StoredTap 'Grady Archie').Count | Should -Be 1
        }

        It '-WhatIf asks nothing, even about a replacement' {
            $run = Invoke-WithScriptedHost -Answer 'No' -Script {
                param($Upn)
                New-PasskeyBootstrapTap -UserId $Upn -WhatIf
            } -Parameters @{ Upn = (Upn 'Joni Sherman') }

            $run.Prompts | Should -BeNullOrEmpty
            $run.Written | Should -Contain "What if: Performing the operation `"Issue a one-time Temporary Access Pass valid for 60 minutes, from now, replacing the user's existing pass`" on target `"$(Upn 'Joni Sherman')`"."
            Get-TapWrite | Should -BeNullOrEmpty
        }
    }

    Describe 'Pipeline input and bulk onboarding' {
        It 'binds -UserId like Test-EntraPasskey: position 0, by value and by property name, same aliases' {
            $parameter = (Get-Command New-PasskeyBootstrapTap).Parameters['UserId']
            $attribute = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] }
            $attribute.ValueFromPipeline | Should -BeTrue
            $attribute.ValueFromPipelineByPropertyName | Should -BeTrue
            $attribute.Position | Should -Be 0
            $parameter.Aliases | Sort-Object | Should -Be ((Get-Command Test-EntraPasskey).Parameters['UserId'].Aliases | Sort-Object)
        }

        It 'takes a CSV of new hires with one bad row: the others get their pass, the bad row one error, in order' {
            $csv = @(
                'UserPrincipalName,StartDate'
                "$(Upn 'Nestor Wilke'),2026-09-01"
                "$(Upn 'Alex Wilber'),2026-09-01"
                "$(Upn 'Pat Fabrikam (Guest)'),2026-09-01"
                "$(Upn 'Grady Archie'),2026-09-02"
            )
            $path = Join-Path $TestDrive 'newhires.csv'
            Set-Content -Path $path -Value $csv

            $results = Import-Csv $path | New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Continue 2>&1

            $results.Count | Should -Be 4
            $results[0].UserPrincipalName | Should -Be (Upn 'Nestor Wilke')
            $results[1].UserPrincipalName | Should -Be (Upn 'Alex Wilber')
            $results[2] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $results[2].FullyQualifiedErrorId | Should -Be "TapExternalGuest,$CommandName"
            $results[2].TargetObject | Should -Be (Upn 'Pat Fabrikam (Guest)')
            $results[3].UserPrincipalName | Should -Be (Upn 'Grady Archie')
            ($results | Where-Object { $_ -is [EntraPasskey.BootstrapTap] }).TemporaryAccessPass | ForEach-Object { $_.Length | Should -Be 8 }
            (Get-TapWrite).Count | Should -Be 3
        }

        It 'gives one error per bad input (unknown, malformed, empty) and a pass per good one, in input order' {
            $inputs = (Upn 'Nestor Wilke'), 'ghost.user@contoso.com', 'not a user', '', (Upn 'Alex Wilber')

            $results = $inputs | New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Continue 2>&1

            $results.Count | Should -Be 5
            $results[0].UserPrincipalName | Should -Be (Upn 'Nestor Wilke')
            $results[1..3].FullyQualifiedErrorId | Should -Be @("UserNotFound,$CommandName", "UserIdMalformed,$CommandName", "UserIdEmpty,$CommandName")
            $results[1..3].TargetObject | Should -Be @('ghost.user@contoso.com', 'not a user', '')
            $results[4].UserPrincipalName | Should -Be (Upn 'Alex Wilber')
        }

        It 'binds Get-MgUser-shaped objects by their Id' {
            $objects = 'Nestor Wilke', 'Alex Wilber' | ForEach-Object { [pscustomobject]@{ Id = $Users[$_].id; DisplayName = $_ } }

            $results = $objects | New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue

            $results.UserId | Should -Be $objects.Id
        }

        It 'takes Test-EntraPasskey''s diagnoses, so everyone stuck at layer 3 can be bootstrapped in one line' {
            $results = (Upn 'Adele Vance'), (Upn 'Nestor Wilke') | Test-EntraPasskey |
                Where-Object ReasonCode -EQ 'NoMfaCapableMethod' |
                New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue

            @($results).UserPrincipalName | Should -Be @((Upn 'Nestor Wilke'))
        }

        It 'reminds once per run to deliver the passes out of band, without a pass in the reminder' {
            $taps = (Upn 'Nestor Wilke'), (Upn 'Alex Wilber'), (Upn 'Grady Archie') |
                New-PasskeyBootstrapTap -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

            $taps.Count | Should -Be 3
            $warnings.Count | Should -Be 1
            $warnings[0].Message | Should -Match 'out of band'
            foreach ($tap in $taps) { $warnings[0].Message.Contains($tap.TemporaryAccessPass) | Should -BeFalse }
        }
    }

    Describe 'Graph errors on create' {
        It 'names the missing permission when the token cannot create passes (403)' {
            Connect-Simulator -Simulator $Sim -Roles $ReadRoles | Out-Null
            try {
                $result = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue

                $result | Should -BeNullOrEmpty
                $errors.Count | Should -Be 1
                $errors[0].FullyQualifiedErrorId | Should -Be "PermissionDenied,$CommandName"
                $errors[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
                $errors[0].Exception.Message | Should -Match 'UserAuthenticationMethod\.ReadWrite\.All'
                $errors[0].ErrorDetails.RecommendedAction | Should -Match 'Privileged Authentication Administrator'
                (Get-TapWrite).status | Should -Be 403
            }
            finally {
                Connect-Simulator -Simulator $Sim -Roles $IssuerRoles | Out-Null
            }
        }

        It 'works with the granular UserAuthMethod-TAP.ReadWrite.All' {
            Connect-Simulator -Simulator $Sim -Roles ($ReadRoles + 'UserAuthMethod-TAP.ReadWrite.All') | Out-Null
            try {
                (New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -WarningAction SilentlyContinue).IsUsable | Should -BeTrue
            }
            finally {
                Connect-Simulator -Simulator $Sim -Roles $IssuerRoles | Out-Null
            }
        }

        It 'reports Graph''s own words when Graph refuses (400) a pass the run''s policy snapshot allowed' {
            # The policy is read once per run; an administrator narrows the lifetime range between two users.
            $inputs = {
                Upn 'Nestor Wilke'
                Set-SimulatorMethodConfiguration -Simulator $Sim -Id 'TemporaryAccessPass' -Properties @{ maximumLifetimeInMinutes = 90 }
                Upn 'Alex Wilber'
            }

            $results = & $inputs | New-PasskeyBootstrapTap -LifetimeInMinutes 120 -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Continue 2>&1

            $results[0].UserPrincipalName | Should -Be (Upn 'Nestor Wilke')
            $results[1].FullyQualifiedErrorId | Should -Be "TapRejectedByPolicy,$CommandName"
            $results[1].CategoryInfo.Category | Should -Be 'InvalidOperation'
            $results[1].Exception.Message | Should -Match 'outside the range the Temporary Access Pass policy allows \(60 to 90 minutes\)'
            $results[1].TargetObject | Should -Be (Upn 'Alex Wilber')
            (Get-TapWrite).status | Should -Be @(201, 400)
        }

        It 'stops once, with AccessTokenExpired, when the -AccessToken has expired, instead of failing user by user' {
            Connect-SimulatorWithExpiredToken -Simulator $Sim -Roles $IssuerRoles | Out-Null
            try {
                $stopped = $null
                try {
                    (Upn 'Nestor Wilke'), (Upn 'Alex Wilber'), (Upn 'Grady Archie') |
                        New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue -ErrorVariable errors -OutVariable taps | Out-Null
                }
                catch {
                    $stopped = $_
                }

                @($taps).Count | Should -Be 0
                @($errors).Count | Should -Be 1
                $stopped.FullyQualifiedErrorId | Should -Be "AccessTokenExpired,$CommandName"
                $stopped.Exception.Message | Should -Match '^The access token expired at '
                $stopped.TargetObject | Should -Be (Upn 'Nestor Wilke')
                Get-TapWrite | Should -BeNullOrEmpty
            }
            finally {
                Connect-Simulator -Simulator $Sim -Roles $IssuerRoles | Out-Null
            }
        }

        It 'stops with NotConnected when there is no connection' {
            Disconnect-EntraPasskey
            try {
                { New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false } | Should -Throw -ErrorId "NotConnected,$CommandName"
            }
            finally {
                Connect-Simulator -Simulator $Sim -Roles $IssuerRoles | Out-Null
            }
        }
    }

    Describe 'The pass stays secret' {
        It 'appears only in the output object of a -Verbose -Debug run under Start-Transcript' {
            $transcript = Join-Path $TestDrive 'transcript.txt'
            # A console would show every stream and ask "Continue with this operation?" at each warning (-Debug
            # inquires); the scripted host answers Yes and records all it is shown. The first run's streams go to
            # the host (so into the transcript); the second run captures every stream with *>&1; the third fails.
            $run = Invoke-WithScriptedHost -Answer 'Yes' -ShowOnHost -Variables 'shown', 'all', 'failed', 'errorText' -Parameters @{
                Transcript = $transcript; First = (Upn 'Nestor Wilke'); Second = (Upn 'Alex Wilber')
            } -Script {
                param($Transcript, $First, $Second)
                Start-Transcript -Path $Transcript | Out-Null
                $shown = New-PasskeyBootstrapTap -UserId $First -Confirm:$false -Verbose -Debug
                $all = New-PasskeyBootstrapTap -UserId $Second -Confirm:$false -Verbose -Debug *>&1
                $failed = New-PasskeyBootstrapTap -UserId $Second -LifetimeInMinutes 600 -Confirm:$false -Verbose -Debug *>&1
                Stop-Transcript | Out-Null
                $errorText = $Error | ForEach-Object { ($_ | Out-String) + $_.Exception.ToString() + $_.ErrorDetails + $_.ScriptStackTrace }
            }
            $shown = $run.Variables['shown']
            $all = @($run.Variables['all'])
            $failed = @($run.Variables['failed'])
            $taps = @($shown) + @($all | Where-Object { $_ -is [EntraPasskey.BootstrapTap] })
            $records = @($all + $failed | Where-Object { $_ -isnot [EntraPasskey.BootstrapTap] })
            $transcriptText = Get-Content $transcript -Raw

            # The search can find what it looks for: every stream was used, and the pass is where it should be.
            $taps.Count | Should -Be 2
            foreach ($kind in 'VerboseRecord', 'DebugRecord', 'WarningRecord', 'ErrorRecord') {
                @($records | Where-Object { $_.GetType().Name -eq $kind }).Count | Should -BeGreaterThan 0 -Because "the run wrote a $kind"
            }
            $transcriptText | Should -Match 'Issued a one-time Temporary Access Pass to'
            $transcriptText | Should -Match 'Deliver each Temporary Access Pass'
            foreach ($tap in $taps) {
                $tap.TemporaryAccessPass.Length | Should -Be 8
                ($tap | Out-String -Width 200).Contains($tap.TemporaryAccessPass) | Should -BeTrue -Because 'the default view shows the pass'
            }

            $haystacks = [ordered]@{
                transcript      = $transcriptText
                'host display'  = ($run.Written + $run.Prompts) -join "`n"
                'other streams' = ($records | ForEach-Object { ($_ | Out-String -Width 500) + $_.ToString() + $(if ($_ -is [System.Management.Automation.ErrorRecord]) { $_.Exception.ToString() + $_.ErrorDetails.RecommendedAction }) }) -join "`n"
                '$Error'        = ($run.Variables['errorText'] + $run.Errors) -join "`n"
                'ToString()'    = ($taps | ForEach-Object { $_.ToString() + "$_" }) -join "`n"
                warnings        = ($records | Where-Object { $_ -is [System.Management.Automation.WarningRecord] } | ForEach-Object Message) -join "`n"
                'request log'   = Get-SimulatorRequest -Simulator $Sim | ConvertTo-Json -Depth 5
                'simulator output' = (Get-ChildItem $Sim.WorkFolder -Filter *.txt | Get-Content -Raw) -join "`n"
            }
            foreach ($tap in $taps) {
                foreach ($name in $haystacks.Keys) {
                    "$($haystacks[$name])".Contains($tap.TemporaryAccessPass) | Should -BeFalse -Because "the pass of $($tap.UserPrincipalName) must not appear in the $name"
                }
            }
        }
    }

    Describe 'The pass is never lost' {
        # Once Graph has answered 201 the pass exists (and replaced any other): its value must reach the pipeline,
        # whatever a preference, a prompt or a later error does. So whatever can stop the command comes before the write.

        It '-WarningAction Stop stops the command at the delivery reminder, before any pass is created' {
            $stopped = $null
            try {
                New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -WarningAction Stop -OutVariable taps | Out-Null
            }
            catch {
                $stopped = $_
            }

            $stopped.Exception | Should -BeOfType ([System.Management.Automation.ActionPreferenceStopException])
            $stopped.Exception.Message | Should -Match 'Deliver each Temporary Access Pass'
            @(Get-TapWrite).Count | Should -Be @($taps).Count -Because 'every pass Graph created must have reached the pipeline'
            Get-TapWrite | Should -BeNullOrEmpty
            Get-StoredTap 'Nestor Wilke' | Should -BeNullOrEmpty
        }

        It '-ErrorAction Stop on a later user keeps the passes already issued in the pipeline' {
            $stopped = $null
            try {
                (Upn 'Nestor Wilke'), 'ghost.user@contoso.com', (Upn 'Alex Wilber') |
                    New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue -ErrorAction Stop -OutVariable taps | Out-Null
            }
            catch {
                $stopped = $_
            }

            $stopped.FullyQualifiedErrorId | Should -Be "UserNotFound,$CommandName"
            @($taps).UserPrincipalName | Should -Be @((Upn 'Nestor Wilke'))
            $taps[0].TemporaryAccessPass.Length | Should -Be 8
            @(Get-TapWrite | Where-Object status -EQ 201).Count | Should -Be @($taps).Count
            Get-StoredTap 'Alex Wilber' | Should -BeNullOrEmpty
        }

        It 'a host that cannot prompt, asked to <Asks>, stops the command before any pass is created' -TestCases @(
            @{ Asks = 'inquire at warnings (-WarningAction Inquire)'; Preferences = @{ WarningPreference = 'Inquire' }; Prompted = 'Deliver each Temporary Access Pass' }
            @{ Asks = 'inquire at debug messages (what -Debug means in Windows PowerShell 5.1)'; Preferences = @{ DebugPreference = 'Inquire' }; Prompted = 'POST /users/' }
        ) {
            param($Asks, $Preferences, $Prompted)
            $run = Invoke-WithScriptedHost -Answer '' -Variables 'taps', 'stopped' -Parameters @{ Upn = (Upn 'Nestor Wilke'); Preferences = $Preferences } -Script {
                param($Upn, $Preferences)
                foreach ($name in $Preferences.Keys) { Set-Variable -Name $name -Value $Preferences[$name] }
                $stopped = $null
                try {
                    New-PasskeyBootstrapTap -UserId $Upn -Confirm:$false -OutVariable taps | Out-Null
                }
                catch {
                    $stopped = $_
                }
            }

            $run.Variables['stopped'] | Should -Not -BeNullOrEmpty
            $run.Prompts.Count | Should -Be 1 -Because 'the host was asked once, and could not answer'
            $run.Written[-1] | Should -Match ([regex]::Escape($Prompted)) -Because 'the message it was asked about is the last thing shown'
            @(Get-TapWrite).Count | Should -Be @($run.Variables['taps']).Count -Because 'every pass Graph created must have reached the pipeline'
            Get-TapWrite | Should -BeNullOrEmpty
        }

        It 'writes the reminder and the request before the pass, and what Graph said about the pass after it' {
            # Continue, not -Debug: -Debug inquires at every message, and this host cannot answer.
            $all = & {
                $DebugPreference = $VerbosePreference = 'Continue'
                New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false *>&1
            }

            $lines = @($all | ForEach-Object { if ($_ -is [EntraPasskey.BootstrapTap]) { 'the pass' } else { $_.ToString() } })
            $passAt = [array]::IndexOf($lines, 'the pass')
            $reminderAt = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -like 'Deliver each Temporary Access Pass*' })
            $requestAt = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -like 'POST /users/*' })
            $createdAt = [array]::FindIndex($lines, [Predicate[string]] { param($line) $line -like 'Microsoft Graph created Temporary Access Pass method*' })
            $passAt | Should -BeGreaterThan -1
            $reminderAt | Should -BeIn (0..($passAt - 1))
            $requestAt | Should -BeIn (0..($passAt - 1))
            $createdAt | Should -BeGreaterThan $passAt
        }
    }

    Describe 'Output and help' {
        It 'shows the pass and the next steps in the default view, the pass in the table, and never in ToString()' {
            $tap = New-PasskeyBootstrapTap -UserId (Upn 'Nestor Wilke') -Confirm:$false -WarningAction SilentlyContinue

            $list = $tap | Out-String -Width 200
            $list | Should -Match "TemporaryAccessPass\s+: $([regex]::Escape($tap.TemporaryAccessPass))"
            $list | Should -Match 'NextSteps\s+: Give the pass to Nestor Wilke out of band'
            $table = $tap | Format-Table | Out-String -Width 200
            $table | Should -Match 'UserPrincipalName\s+TemporaryAccessPass\s+OneTime\s+Usable\s+ExpiresDateTime'
            $table.Contains($tap.TemporaryAccessPass) | Should -BeTrue
            $tap.ToString() | Should -Match '^NestorW@contoso\.com: one-time Temporary Access Pass, \d{4}-\d\d-\d\d \d\d:\d\d to \d{4}-\d\d-\d\d \d\d:\d\d UTC$'
            $tap.ToString().Contains($tap.TemporaryAccessPass) | Should -BeFalse
        }

        It 'declares its output type' {
            (Get-Command New-PasskeyBootstrapTap).OutputType.Name | Should -Be 'EntraPasskey.BootstrapTap'
        }

        It 'has complete help: synopsis, every parameter, examples for CSV bulk and -WhatIf, permissions and roles' {
            $help = Get-Help New-PasskeyBootstrapTap -Full
            $help.Synopsis | Should -Match 'Temporary Access Pass'
            foreach ($name in 'UserId', 'LifetimeInMinutes', 'StartDateTime', 'UsableOnce', 'Force', 'WhatIf', 'Confirm') {
                $parameter = $help.parameters.parameter | Where-Object name -EQ $name
                ($parameter.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$name is documented"
            }
            $examples = @($help.examples.example)
            $examples.Count | Should -BeGreaterOrEqual 2
            ($examples.code -join "`n") | Should -Match 'Import-Csv .* \| New-PasskeyBootstrapTap'
            ($examples.code -join "`n") | Should -Match 'New-PasskeyBootstrapTap -WhatIf'
            $alerts = ($help.alertSet.alert.Text -join ' ')
            $alerts | Should -Match 'Required permissions: UserAuthenticationMethod\.ReadWrite\.All'
            $alerts | Should -Match 'UserAuthMethod-TAP\.ReadWrite\.All'
            $alerts | Should -Match 'Authentication Administrator to issue passes to users who are not administrators'
            $alerts | Should -Match 'Privileged Authentication Administrator'
        }
    }
}
