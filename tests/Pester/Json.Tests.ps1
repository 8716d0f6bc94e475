# Verdicts and statuses read as words in JSON, with no switch: Windows PowerShell 5.1's ConvertTo-Json has no
# -EnumsAsStrings, and scripts written for PowerShell 7 rarely pass it. ConvertTo-Json writes an enum based on a 64-bit
# integer as its name (in both editions), so the enums of the output objects are long-based; as enums they still
# compare with strings, group and sort in their declared order.
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'ConvertTo-Json without -EnumsAsStrings' {
    It 'writes a diagnosis''s verdict, owner and every layer''s status as words' {
        $json = Test-EntraPasskey -UserId LeeG@contoso.com | ConvertTo-Json -Depth 5

        $json | Should -Match '"Verdict":\s*"Blocked"'
        $json | Should -Match '"Owner":\s*"IdentityTeam"'
        $statuses = @(($json | ConvertFrom-Json).Findings.Status)
        $statuses | Should -HaveCount 7
        $statuses[0] | Should -Be 'Fail'
        $statuses | Should -Not -Match '^\d+$'
    }

    It 'writes the sign-in verdict and each passkey''s status as words' {
        $json = Test-EntraPasskeySignIn -UserId UmaN@contoso.com | ConvertTo-Json -Depth 5

        $json | Should -Match '"Verdict":\s*"AtRisk"'
        $json | Should -Match '"Status":\s*"Fail"'
        $json | Should -Not -Match '"(Verdict|Status|Owner)":\s*\d'
    }

    It 'writes design findings, authenticators and the connection''s enums as words' {
        (Test-PasskeyPolicyDesign | Select-Object -First 1 | ConvertTo-Json) | Should -Match '"Severity":\s*"High"'
        $authenticator = Get-PasskeyAuthenticator -Aaguid fbfc3007-154e-4ecc-8c0b-6e020557d7bd | ConvertTo-Json
        $authenticator | Should -Match '"PasskeyType":\s*"Synced"'
        $authenticator | Should -Not -Match '"(PasskeyType|ProviderKind|Attestation|Source)":\s*\d'
        (Get-EntraPasskeyContext | ConvertTo-Json) | Should -Match '"ConnectionMode":\s*"AccessToken",\s*"Environment":\s*"Global"'
    }

    It 'leaves verdicts enums, which filter, group and sort in their declared order' {
        $verdicts = 'AdeleV@contoso.com', 'LeeG@contoso.com', 'KarenB@contoso.com', 'LynneR@contoso.com' | Test-EntraPasskey

        $verdicts[0].Verdict | Should -BeOfType ([EntraPasskey.Verdict])
        @($verdicts | Where-Object Verdict -EQ 'Ready').UserPrincipalName | Should -Be 'AdeleV@contoso.com'
        @($verdicts | Where-Object Verdict -NE Ready) | Should -HaveCount 3
        @($verdicts | Group-Object Verdict | ForEach-Object { "$($_.Name) $($_.Count)" }) | Should -Be @('Ready 1', 'Blocked 1', 'AtRisk 1', 'Unknown 1')
        @($verdicts | Sort-Object Verdict | ForEach-Object { "$($_.Verdict)" }) | Should -Be @([EntraPasskey.Verdict].GetEnumNames() | Where-Object { $_ -in 'Ready', 'Blocked', 'AtRisk', 'Unknown' })
    }
}

Describe 'The output types' {
    It 'base every enum they expose on a 64-bit integer, so a new one cannot slip back to numbers' {
        $model = [EntraPasskey.PasskeyDiagnosis].Assembly
        $exposed = $model.GetExportedTypes() | Where-Object { -not $_.IsSubclassOf([Exception]) } | ForEach-Object { $_.GetProperties() } |
            ForEach-Object { $type = $_.PropertyType; if ([Nullable]::GetUnderlyingType($type)) { [Nullable]::GetUnderlyingType($type) } else { $type } } |
            Where-Object IsEnum | Sort-Object FullName -Unique
        $exposed.Count | Should -BeGreaterOrEqual 10
        @($exposed | Where-Object { [Enum]::GetUnderlyingType($_) -ne [long] } | ForEach-Object FullName) | Should -BeNullOrEmpty
    }
}
