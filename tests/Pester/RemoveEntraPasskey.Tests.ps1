BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    $script:ReadRoles = @('User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All', 'Policy.Read.AuthenticationMethod')
    # A help desk app that removes lost keys and revokes sessions.
    $script:RemoverRoles = $ReadRoles + @('UserAuthMethod-Passkey.ReadWrite.All', 'User.RevokeSessions.All', 'UserAuthMethod-TAP.ReadWrite.All')
    Connect-Simulator -Simulator $Sim -Roles $RemoverRoles | Out-Null
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Users = @{}
    foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    $script:CommandName = 'EntraPasskey.Commands.RemoveEntraPasskeyCommand'
    $script:YubiKey5Nfc = '2fc0579f-8113-47ea-b116-bb5a8db9202a'
    $script:AuthenticatorIos = '90a3ccdf-635c-4729-a248-9b709135078f'
    $script:ZoeKeyring = 'Ys2zE5jU0vI7cP9qM3oD6l0'
    $script:ZoeDesk = 'Zt3aF6kV1wJ8dQ0rN4pE7m1'

    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }

    function script:Get-Write {
        # Every call the simulator saw that changes something (top-level or inside a $batch).
        $requests = Get-SimulatorRequest -Simulator $Sim
        @($requests | Where-Object { $_.method -ne 'GET' -and $_.path -notlike '*$batch' })
    }

    function script:Get-StoredPasskey([string] $DisplayName) {
        $token = New-SimulatorToken -Simulator $Sim -Roles 'UserAuthenticationMethod.Read.All'
        @((Invoke-RestMethod -Uri "$($Sim.Graph)/v1.0/users/$($Users[$DisplayName].id)/authentication/fido2Methods" -Headers @{ Authorization = "Bearer $token" }).value)
    }

    function script:Get-SessionsValidFrom([string] $DisplayName) {
        $token = New-SimulatorToken -Simulator $Sim -Roles 'User.Read.All'
        (Invoke-RestMethod -Uri "$($Sim.Graph)/v1.0/users/$($Users[$DisplayName].id)?`$select=id,signInSessionsValidFromDateTime" -Headers @{ Authorization = "Bearer $token" }).signInSessionsValidFromDateTime
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Remove-EntraPasskey' {
    BeforeEach {
        Reset-GraphSimulator -Simulator $Sim
        Clear-SimulatorRequest -Simulator $Sim
    }

    Describe 'Removing a lost passkey' {
        It 'removes the passkey named by its method id and says what happens next' {
            $removed = Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeKeyring -Confirm:$false

            $removed | Should -BeOfType ([EntraPasskey.PasskeyRemoval])
            $removed.UserPrincipalName | Should -Be (Upn 'Zoe Ross')
            $removed.UserId | Should -Be $Users['Zoe Ross'].id
            $removed.MethodId | Should -Be $ZoeKeyring
            $removed.PasskeyName | Should -Be 'YubiKey (keyring)'
            $removed.Model | Should -Be 'YubiKey 5 Series with NFC'
            $removed.Aaguid | Should -Be ([guid] $YubiKey5Nfc)
            $removed.SessionsRevoked | Should -BeFalse
            $removed.NeedsTemporaryAccessPass | Should -BeFalse
            $removed.RemainingMfaMethods | Should -Contain "Microsoft Authenticator 'iPhone 15 Pro'"
            $removed.NextSteps | Should -Match 'registers a replacement passkey'
            $removed.NextSteps | Should -Match '-RevokeSessions'
            (Get-StoredPasskey 'Zoe Ross').id | Should -Not -Contain $ZoeKeyring
            (Get-StoredPasskey 'Zoe Ross').Count | Should -Be 2
            $writes = Get-Write
            $writes.Count | Should -Be 1
            $writes[0].method | Should -Be 'DELETE'
            $writes[0].path | Should -Be "/v1.0/users/$($Users['Zoe Ross'].id)/authentication/fido2Methods/$ZoeKeyring"
            $writes[0].status | Should -Be 204
        }

        It 'removes the one passkey of a model named by -Aaguid' {
            $removed = Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -Aaguid $AuthenticatorIos -Confirm:$false

            $removed.PasskeyName | Should -Be 'Microsoft Authenticator - iOS'
            (Get-StoredPasskey 'Zoe Ross').aaGuid | Should -Not -Contain $AuthenticatorIos
        }

        It 'refuses an AAGUID that two passkeys share, listing both, and removes nothing' {
            Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -Aaguid $YubiKey5Nfc -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "PasskeyAmbiguous,$CommandName"
            $errors[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
            $errors[0].Exception.Message | Should -Match "2 passkeys of Zoe Ross have AAGUID $YubiKey5Nfc"
            $errors[0].Exception.Message | Should -Match "'YubiKey \(keyring\)' \(id $ZoeKeyring"
            $errors[0].Exception.Message | Should -Match "'YubiKey \(desk\)' \(id $ZoeDesk"
            $errors[0].ErrorDetails.RecommendedAction | Should -Match '-MethodId'
            $errors[0].TargetObject | Should -Be (Upn 'Zoe Ross')
            Get-Write | Should -BeNullOrEmpty
        }

        It 'refuses a passkey the user does not have, listing the ones they do' {
            Remove-EntraPasskey -UserId (Upn 'Felix Gruber') -MethodId $ZoeDesk -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $errors[0].FullyQualifiedErrorId | Should -Be "PasskeyNotFound,$CommandName"
            $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
            $errors[0].Exception.Message | Should -Match "has no passkey with method id '$ZoeDesk'. Their passkeys: 'YubiKey 5 NFC'"
            Get-Write | Should -BeNullOrEmpty
        }
    }

    Describe 'The last MFA method' {
        It 'refuses to remove the only method the user can complete MFA with, naming why' {
            Remove-EntraPasskey -UserId (Upn 'Felix Gruber') -Aaguid $YubiKey5Nfc -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $errors.Count | Should -Be 1
            $errors[0].FullyQualifiedErrorId | Should -Be "LastMfaMethod,$CommandName"
            $errors[0].Exception.Message | Should -Match 'is the last method Felix Gruber can complete multifactor authentication with \(their other methods, password, cannot\)'
            $errors[0].ErrorDetails.RecommendedAction | Should -Match 'New-PasskeyBootstrapTap'
            $errors[0].ErrorDetails.RecommendedAction | Should -Match '-Force'
            Get-Write | Should -BeNullOrEmpty
            (Get-StoredPasskey 'Felix Gruber').Count | Should -Be 1
        }

        It 'removes it with -Force, warns, and hands over to New-PasskeyBootstrapTap' {
            $removed = Remove-EntraPasskey -UserId (Upn 'Felix Gruber') -Aaguid $YubiKey5Nfc -Force -Confirm:$false -WarningVariable warnings -WarningAction SilentlyContinue

            $removed.NeedsTemporaryAccessPass | Should -BeTrue
            $removed.RemainingMfaMethods.Count | Should -Be 0
            $removed.NextSteps | Should -Match 'issue a Temporary Access Pass \(pipe this result to New-PasskeyBootstrapTap\)'
            @($warnings).Count | Should -Be 1
            $warnings[0].Message | Should -Match 'last method that can complete multifactor authentication \(-Force\)'
            (Get-StoredPasskey 'Felix Gruber') | Should -BeNullOrEmpty

            $tap = $removed | Where-Object NeedsTemporaryAccessPass | New-PasskeyBootstrapTap -Confirm:$false -WarningAction SilentlyContinue
            $tap | Should -BeOfType ([EntraPasskey.BootstrapTap])
            $tap.UserId | Should -Be $Users['Felix Gruber'].id
            $tap.IsUsable | Should -BeTrue
        }

        It 'removes without -Force when one other MFA method remains' {
            $removed = Remove-EntraPasskey -UserId (Upn 'Victor Lind') -Aaguid $YubiKey5Nfc -Confirm:$false -WarningVariable warnings

            $removed.NeedsTemporaryAccessPass | Should -BeFalse
            @($removed.RemainingMfaMethods) | Should -Be @("Microsoft Authenticator 'iPhone 13'")
            $warnings | Should -BeNullOrEmpty
        }
    }

    Describe 'Revoking sessions' {
        It '-RevokeSessions revokes first, then removes, and says so' {
            Get-SessionsValidFrom 'Zoe Ross' | Should -BeNullOrEmpty

            $removed = Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeDesk -RevokeSessions -Confirm:$false

            $removed.SessionsRevoked | Should -BeTrue
            $removed.NextSteps | Should -Match 'sign-in sessions were revoked'
            Get-SessionsValidFrom 'Zoe Ross' | Should -Not -BeNullOrEmpty
            $writes = Get-Write
            $writes.method | Should -Be @('POST', 'DELETE')
            $writes[0].path | Should -Be "/v1.0/users/$($Users['Zoe Ross'].id)/revokeSignInSessions"
        }

        It 'without -RevokeSessions leaves the sessions alone' {
            Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeDesk -Confirm:$false | Out-Null

            Get-SessionsValidFrom 'Zoe Ross' | Should -BeNullOrEmpty
            (Get-Write).method | Should -Be @('DELETE')
        }

        It 'names the missing permission when the revocation is refused, and removes nothing' {
            Connect-Simulator -Simulator $Sim -Roles ($ReadRoles + 'UserAuthMethod-Passkey.ReadWrite.All') | Out-Null
            try {
                Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeDesk -RevokeSessions -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

                $errors.Count | Should -Be 1
                $errors[0].FullyQualifiedErrorId | Should -Be "PermissionDenied,$CommandName"
                $errors[0].Exception.Message | Should -Match 'revoke the user''s sign-in sessions. It needs the Microsoft Graph permission User\.RevokeSessions\.All'
                $errors[0].ErrorDetails.RecommendedAction | Should -Match 'Authentication Administrator'
                (Get-StoredPasskey 'Zoe Ross').id | Should -Contain $ZoeDesk
            }
            finally {
                Connect-Simulator -Simulator $Sim -Roles $RemoverRoles | Out-Null
            }
        }

        It 'names the missing permission when the delete is refused' {
            Connect-Simulator -Simulator $Sim -Roles $ReadRoles | Out-Null
            try {
                Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeDesk -Confirm:$false -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

                $errors[0].FullyQualifiedErrorId | Should -Be "PermissionDenied,$CommandName"
                $errors[0].Exception.Message | Should -Match 'UserAuthMethod-Passkey\.ReadWrite\.All'
                (Get-StoredPasskey 'Zoe Ross').id | Should -Contain $ZoeDesk
            }
            finally {
                Connect-Simulator -Simulator $Sim -Roles $RemoverRoles | Out-Null
            }
        }
    }

    Describe '-WhatIf and confirmation' {
        It 'declares ShouldProcess with ConfirmImpact High' {
            $command = Get-Command Remove-EntraPasskey
            $attribute = $command.ImplementingType.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]
            $attribute.SupportsShouldProcess | Should -BeTrue
            $attribute.ConfirmImpact | Should -Be 'High'
        }

        It '-WhatIf reads and checks, and writes nothing (no DELETE, no revocation)' {
            $run = Invoke-WithScriptedHost -Answer 'Yes' -Script {
                param($Upn, $MethodId)
                Remove-EntraPasskey -UserId $Upn -MethodId $MethodId -RevokeSessions -WhatIf
            } -Parameters @{ Upn = (Upn 'Zoe Ross'); MethodId = $ZoeDesk }

            $run.Output | Should -BeNullOrEmpty
            $run.Errors | Should -BeNullOrEmpty
            $run.Prompts | Should -BeNullOrEmpty
            $whatIf = @($run.Written | Where-Object { $_ -like 'What if:*' })
            $whatIf.Count | Should -Be 1
            $whatIf[0] | Should -Match "^What if: Performing the operation `"Remove passkey 'YubiKey \(desk\)' \(id $ZoeDesk, YubiKey 5 Series with NFC, registered \d{4}-\d\d-\d\d \d\d:\d\d UTC\), and revoke the user's sign-in sessions`" on target `"$([regex]::Escape((Upn 'Zoe Ross')))`"\.$"
            $requests = Get-SimulatorRequest -Simulator $Sim
            $requests.Count | Should -BeGreaterThan 0 -Because 'the checks read the policy and the user'
            Get-Write | Should -BeNullOrEmpty
            (Get-StoredPasskey 'Zoe Ross').Count | Should -Be 3
            Get-SessionsValidFrom 'Zoe Ross' | Should -BeNullOrEmpty
        }

        It '-WhatIf still reports a removal that would be refused' {
            Remove-EntraPasskey -UserId (Upn 'Felix Gruber') -Aaguid $YubiKey5Nfc -WhatIf -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty

            $errors[0].FullyQualifiedErrorId | Should -Be "LastMfaMethod,$CommandName"
            Get-Write | Should -BeNullOrEmpty
        }

        It 'asks before removing by default, and removes nothing when the answer is No' {
            $run = Invoke-WithScriptedHost -Answer 'No' -Script {
                param($Upn, $MethodId)
                Remove-EntraPasskey -UserId $Upn -MethodId $MethodId
            } -Parameters @{ Upn = (Upn 'Zoe Ross'); MethodId = $ZoeDesk }

            $run.Prompts.Count | Should -Be 1
            $run.Prompts[0] | Should -Match "Remove passkey 'YubiKey \(desk\)'"
            $run.Prompts[0] | Should -Match ([regex]::Escape((Upn 'Zoe Ross')))
            $run.Output | Should -BeNullOrEmpty
            Get-Write | Should -BeNullOrEmpty
            (Get-StoredPasskey 'Zoe Ross').id | Should -Contain $ZoeDesk
        }

        It 'removes when the answer is Yes' {
            $run = Invoke-WithScriptedHost -Answer 'Yes' -Script {
                param($Upn, $MethodId)
                Remove-EntraPasskey -UserId $Upn -MethodId $MethodId
            } -Parameters @{ Upn = (Upn 'Zoe Ross'); MethodId = $ZoeDesk }

            $run.Prompts.Count | Should -Be 1
            $run.Output.Count | Should -Be 1
            $run.Output[0].MethodId | Should -Be $ZoeDesk
            (Get-StoredPasskey 'Zoe Ross').id | Should -Not -Contain $ZoeDesk
        }

        It 'asks naming the last MFA method when -Force removes it' {
            $run = Invoke-WithScriptedHost -Answer 'No' -Script {
                param($Upn, $Aaguid)
                Remove-EntraPasskey -UserId $Upn -Aaguid $Aaguid -Force -WarningAction SilentlyContinue
            } -Parameters @{ Upn = (Upn 'Felix Gruber'); Aaguid = $YubiKey5Nfc }

            $run.Prompts[0] | Should -Match "the user's last method that can complete multifactor authentication"
            Get-Write | Should -BeNullOrEmpty
        }
    }

    Describe 'Pipeline input' {
        It 'takes a CSV of lost keys, by method id or AAGUID, one result or one error per row in order' {
            $byMethod = @(
                'UserPrincipalName,MethodId'
                "$(Upn 'Zoe Ross'),$ZoeKeyring"
                "$(Upn 'Felix Gruber'),$ZoeDesk"
                "$(Upn 'Zoe Ross'),$ZoeDesk"
            )
            $path = Join-Path $TestDrive 'lost-keys.csv'
            Set-Content -Path $path -Value $byMethod

            $results = Import-Csv $path | Remove-EntraPasskey -RevokeSessions -Confirm:$false -ErrorAction Continue 2>&1

            $results.Count | Should -Be 3
            $results[0].MethodId | Should -Be $ZoeKeyring
            $results[1] | Should -BeOfType ([System.Management.Automation.ErrorRecord])
            $results[1].FullyQualifiedErrorId | Should -Be "PasskeyNotFound,$CommandName"
            $results[1].TargetObject | Should -Be (Upn 'Felix Gruber')
            $results[2].MethodId | Should -Be $ZoeDesk
            $results[0, 2].SessionsRevoked | Should -Be @($true, $true)
            (Get-StoredPasskey 'Zoe Ross').Count | Should -Be 1
        }

        It 'binds a CSV with an Aaguid column to -Aaguid' {
            $path = Join-Path $TestDrive 'lost-models.csv'
            Set-Content -Path $path -Value @('UserPrincipalName,Aaguid', "$(Upn 'Victor Lind'),$YubiKey5Nfc", "$(Upn 'Wendy Stone'),$YubiKey5Nfc")

            $results = Import-Csv $path | Remove-EntraPasskey -Confirm:$false

            $results.UserPrincipalName | Should -Be @((Upn 'Victor Lind'), (Upn 'Wendy Stone'))
            $results.Aaguid | Should -Be @(([guid] $YubiKey5Nfc), ([guid] $YubiKey5Nfc))
        }

        It 'gives one error per bad user (unknown, malformed, empty), in input order' {
            $inputs = 'ghost.user@contoso.com', 'not a user', ''

            $results = $inputs | Remove-EntraPasskey -MethodId $ZoeDesk -Confirm:$false -ErrorAction Continue 2>&1

            $results.FullyQualifiedErrorId | Should -Be @("UserNotFound,$CommandName", "UserIdMalformed,$CommandName", "UserIdEmpty,$CommandName")
            $results.TargetObject | Should -Be $inputs
            Get-Write | Should -BeNullOrEmpty
        }
    }

    Describe 'Output' {
        It 'shows a removal as a list with the next steps, and a table on request' {
            $removed = Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeKeyring -Confirm:$false

            $list = ($removed | Out-String -Width 200)
            $list | Should -Match 'PasskeyName\s+: YubiKey \(keyring\)'
            $list | Should -Match 'NeedsTemporaryAccessPass\s+: False'
            $list | Should -Match 'NextSteps\s+: The passkey can no longer sign in\.'
            ($removed | Format-Table | Out-String -Width 200) | Should -Match 'YubiKey \(keyring\)\s+False\s+False'
            $removed.ToString() | Should -Be "$(Upn 'Zoe Ross'): removed passkey YubiKey (keyring)"
        }

        It 'exports to CSV with the remaining methods in one column' {
            $removed = Remove-EntraPasskey -UserId (Upn 'Zoe Ross') -MethodId $ZoeKeyring -Confirm:$false
            $csv = $removed | ConvertTo-Csv -NoTypeInformation | ConvertFrom-Csv

            $csv.RemainingMfaMethods | Should -Match 'YubiKey \(desk\)'
            $csv.NeedsTemporaryAccessPass | Should -Be 'False'
        }
    }
}
