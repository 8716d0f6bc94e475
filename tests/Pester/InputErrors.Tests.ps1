# Errors about an input say which input it was (its position, and for a pipeline object what else it carried), and
# nothing is lost: N inputs in, N verdicts or errors out, in input order.
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Users = @{}
    foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }
    # 64 characters before the '@' and 48 after: the longest user principal name Microsoft Entra ID allows (113).
    $script:LongestUpn = ('a' * 64) + '@' + ('b' * 44) + '.com'
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Test-EntraPasskey errors name the input they are about' {
    It 'gives one verdict or error per input, in order, each error saying its position' {
        $inputs = (Upn 'Adele Vance'), '', $null, 'not a user', (Upn 'Lee Gu'), 'ghost.user@contoso.com'

        # Continue: the suite runner's Stop preference would make the first error end the pipeline.
        $output = @($inputs | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output.Count | Should -Be $inputs.Count
        $output | ForEach-Object { $_.GetType().Name } | Should -Be @('PasskeyDiagnosis', 'ErrorRecord', 'ErrorRecord', 'ErrorRecord', 'PasskeyDiagnosis', 'ErrorRecord')
        $output[1].Exception.Message | Should -Be 'Input 2: the user id is empty.'
        $output[2].Exception.Message | Should -Be 'Input 3: the user id is empty.'
        $output[3].Exception.Message | Should -Be "Input 4: 'not a user' is neither an object id (GUID) nor a user principal name (name@domain)."
        $output[4].UserPrincipalName | Should -Be (Upn 'Lee Gu')
        $output[5].FullyQualifiedErrorId | Should -Be 'UserNotFound,EntraPasskey.Commands.TestEntraPasskeyCommand'
    }

    It 'counts every value of -UserId, not only pipeline objects' {
        $output = @(Test-EntraPasskey -UserId (Upn 'Adele Vance'), (Upn 'Lee Gu'), '' -ErrorAction Continue 2>&1)

        $output.Count | Should -Be 3
        $output[2].Exception.Message | Should -Be 'Input 3: the user id is empty.'
    }

    It 'names an empty CSV cell and the rest of its row' {
        $path = Join-Path $TestDrive 'users.csv'
        Set-Content -Path $path -Value @(
            'UserPrincipalName,DisplayName,Department'
            "$(Upn 'Adele Vance'),Adele Vance,Sales"
            ',Grace Taylor,Ops'
            "$(Upn 'Lee Gu'),Lee Gu,Legal"
        )

        $output = @(Import-Csv $path | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output.Count | Should -Be 3
        $output[0].UserPrincipalName | Should -Be (Upn 'Adele Vance')
        $output[1].FullyQualifiedErrorId | Should -Be 'UserIdEmpty,EntraPasskey.Commands.TestEntraPasskeyCommand'
        $output[1].Exception.Message | Should -Be "Input 2 (DisplayName 'Grace Taylor', Department 'Ops'): its UserPrincipalName is empty, so it names no user."
        $output[2].UserPrincipalName | Should -Be (Upn 'Lee Gu')
    }

    It 'never quotes a column that may hold a secret (a pass exported from New-PasskeyBootstrapTap, a password, a token)' {
        $row = [pscustomobject]@{ UserPrincipalName = ''; TemporaryAccessPass = 'Xy7#kP2!mQ9z'; Password = 'hunter2hunter2'; AccessToken = 'eyJ0eXAiOiJKV1Qi'; DisplayName = 'Grace Taylor' }

        $output = @($row | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output.Count | Should -Be 1
        $output[0].Exception.Message | Should -Be "Input 1 (DisplayName 'Grace Taylor'): its UserPrincipalName is empty, so it names no user."
    }

    It 'names an object without an id property by what it has' {
        $output = @((Upn 'Adele Vance'), [pscustomobject]@{ DisplayName = 'Grace Taylor'; Mail = 'grace@contoso.com' } | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output[1].Exception.Message | Should -Be "Input 2 (DisplayName 'Grace Taylor', Mail 'grace@contoso.com'): the object has no Id, UserPrincipalName, UPN or ObjectId property, so it does not name a user."
    }

    It 'says a hashtable is a hashtable, with its keys and the keys looked for, before any request' {
        Clear-SimulatorRequest -Simulator $Sim

        $output = @(@{ UserPrincipalName = (Upn 'Adele Vance') } | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output.Count | Should -Be 1
        $output[0].FullyQualifiedErrorId | Should -Be 'UserIdMalformed,EntraPasskey.Commands.TestEntraPasskeyCommand'
        $output[0].Exception.Message | Should -Be 'Input 1 is a hashtable (its keys: UserPrincipalName). PowerShell binds a hashtable as one value, not by its keys, so it does not name a user; the keys looked for are Id, UserPrincipalName, UPN and ObjectId.'
        Get-SimulatorRequest -Simulator $Sim | Should -BeNullOrEmpty
    }

    It 'diagnoses the same keys as a [pscustomobject]' {
        $diagnosis = [pscustomobject]@{ UserPrincipalName = (Upn 'Adele Vance') } | Test-EntraPasskey

        $diagnosis.UserPrincipalName | Should -Be (Upn 'Adele Vance')
    }

    It 'looks up a user principal name of exactly 113 characters, Entra''s limit' {
        $LongestUpn.Length | Should -Be 113
        Clear-SimulatorRequest -Simulator $Sim

        $output = @(Test-EntraPasskey -UserId $LongestUpn -ErrorAction Continue 2>&1)

        $output[0].FullyQualifiedErrorId | Should -Be 'UserNotFound,EntraPasskey.Commands.TestEntraPasskeyCommand'
        Get-SimulatorRequest -Simulator $Sim | Should -Not -BeNullOrEmpty
    }

    It 'refuses one of 114 characters before any request, naming the input' {
        Clear-SimulatorRequest -Simulator $Sim

        $output = @((Upn 'Adele Vance'), "x$LongestUpn" | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output.Count | Should -Be 2
        $output[1].FullyQualifiedErrorId | Should -Be 'UserIdMalformed,EntraPasskey.Commands.TestEntraPasskeyCommand'
        $output[1].Exception.Message | Should -Be "Input 2: 'x$($LongestUpn.Substring(0, 39))...' (114 characters) is longer than a user principal name can be: Microsoft Entra ID allows at most 113."
        $output[1].TargetObject | Should -Be "x$LongestUpn"
        @(Get-SimulatorRequest -Simulator $Sim | Where-Object path -Like "*x$('a' * 10)*") | Should -BeNullOrEmpty
    }
}

Describe 'Every command that takes users names the position of an empty one' {
    It '<Command>' -TestCases @(
        @{ Command = 'Test-EntraPasskeySignIn'; Parameters = @{} }
        @{ Command = 'New-PasskeyBootstrapTap'; Parameters = @{ WhatIf = $true } }
        @{ Command = 'Remove-EntraPasskey'; Parameters = @{ MethodId = 'not-a-method'; WhatIf = $true } }
        @{ Command = 'Get-PasskeyRegistrationFailures'; Parameters = @{} }
    ) {
        param($Command, $Parameters)
        $output = @('ghost.user@contoso.com', '' | & $Command @Parameters -ErrorAction Continue -WarningAction SilentlyContinue 2>&1)

        $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -like 'UserIdEmpty,*' })
        $errors.Count | Should -Be 1
        $errors[0].Exception.Message | Should -Be 'Input 2: the user id is empty.'
    }
}
