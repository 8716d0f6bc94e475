# Test-PasskeyPolicyDesign against the sample tenants over HTTP: contoso departs from the design in the ways its README
# lists, the well-designed tenant in none; permissions and licences turn checks Unknown, never into errors, except
# the methods policy itself; -OutputPath writes a self-contained page, which headless Chromium opens when installed.
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:CommandId = 'EntraPasskey.Commands.TestPasskeyPolicyDesignCommand'
    $script:Contoso = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    # contoso's departures (tests/GraphSimulator/README.md, "The sample tenant against the prevention design").
    $script:ContosoDepartures = @(
        'AllowListMissingSiblingAaguids', 'AllResourcesStrengthLoop', 'AttestationWithoutAllowList', 'CampaignNotTargetingPasskeys',
        'CredentialRegistrationAppNotExcluded', 'DeprecatedFieldsAfterOptIn', 'IndividualUserTargets', 'MultipleExclusionGroups',
        'RegistrationPolicyRejectsTap', 'SmsVoiceOnlyUsers', 'SyncedPasskeysLockedOut', 'TargetGroupDeleted'
    )
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    Clear-SimulatorRequest $Sim
    $script:Findings = @(Test-PasskeyPolicyDesign)
    $script:Requests = Get-SimulatorRequest $Sim
    function script:Finding([string] $Id) { $Findings | Where-Object CheckId -EQ $Id }
    function script:Members([string] $Group) {
        # The group's transitive user members, as Graph counts them.
        $id = ($Contoso.groups | Where-Object displayName -EQ $Group).id
        $headers = @{ Authorization = "Bearer $(New-SimulatorToken -Simulator $Sim)"; ConsistencyLevel = 'eventual' }
        (Invoke-RestMethod -Uri "$($Sim.Graph)/v1.0/groups/$id/transitiveMembers/microsoft.graph.user?`$count=true&`$top=1&`$select=id" -Headers $headers).'@odata.count'
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Test-PasskeyPolicyDesign on the sample tenant' {
    It 'finds exactly the departures the sample tenant was built with, most severe first' {
        ($Findings | Where-Object Status -EQ Fail).CheckId | Sort-Object | Should -Be ($ContosoDepartures | Sort-Object)
        $Findings | Where-Object Status -NE Fail | Should -BeNullOrEmpty
        $severities = @($Findings | ForEach-Object { [int] $_.Severity })
        $severities | Should -Be ($severities | Sort-Object -Descending)
    }

    It 'counts affected users from the registration report and group sizes' {
        (Finding SmsVoiceOnlyUsers).AffectedUsers | Should -Be 3
        (Finding SmsVoiceOnlyUsers).Evidence['phoneOnlyUsers'] | Should -Match 'AlexW@contoso\.com'
        (Finding CampaignNotTargetingPasskeys).AffectedUsers | Should -Be $Contoso.users.Count
        (Finding AllResourcesStrengthLoop).AffectedUsers | Should -BeGreaterOrEqual (Members 'Payments Approvers')
        (Finding AllResourcesStrengthLoop).Evidence['policies'] | Should -Match 'payments approvers'
        (Finding AllowListMissingSiblingAaguids).AffectedUsers | Should -Be (Members 'Privileged Passkey Users')
        (Finding SyncedPasskeysLockedOut).Evidence['lockedOutUsers'] | Should -Match '@contoso\.com'
        (Finding TargetGroupDeleted).AffectedUsers | Should -BeNullOrEmpty
        (Finding TargetGroupDeleted).AffectedUsersBasis | Should -Match 'deleted group'
        (Finding RegistrationPolicyRejectsTap).AffectedUsersBasis | Should -Match 'directory role'
    }

    It 'links Microsoft''s documentation and says how to fix each departure' {
        foreach ($finding in $Findings) {
            $finding.Documentation.Host | Should -Be 'learn.microsoft.com'
            $finding.Remediation | Should -Not -BeNullOrEmpty
        }
        (Finding SmsVoiceOnlyUsers).Documentation.AbsolutePath | Should -Be '/entra/identity/authentication/concept-sms-voice-retirement'
    }

    It 'counts groups with $count on a one-item page, never paging their members' {
        $counts = @($Requests | Where-Object { $_.path -match '/transitiveMembers/' })
        $counts.Count | Should -BeGreaterThan 0
        $counts | ForEach-Object { $_.path | Should -Match '\$count=true' ; $_.path | Should -Match '\$top=1' }
        $counts | ForEach-Object { $_.inBatch | Should -BeTrue; $_.resourceUnits | Should -Be 3 }
        @($Requests | Where-Object { $_.path -match 'reports/authenticationMethods/userRegistrationDetails' }).Count | Should -Be 1
    }

    It 'writes typed objects with a table view and a list view, and flattens for Export-Csv' {
        $Findings | Should -BeOfType ([EntraPasskey.PolicyDesignFinding])
        (Get-FormatData -TypeName 'EntraPasskey.PolicyDesignFinding').FormatViewDefinition.Name | Should -Contain 'EntraPasskey.PolicyDesignFinding'
        $table = $Findings | Out-String -Width 200
        $table | Should -Match 'Severity\s+Status\s+CheckId\s+Users\s+Problem'
        $table | Should -Match 'High\s+Fail\s+SmsVoiceOnlyUsers\s+3 '
        ($Findings[0] | Format-List | Out-String) | Should -Match 'Remediation\s+:'
        $row = Finding SmsVoiceOnlyUsers | ConvertTo-Csv | ConvertFrom-Csv
        $row.Evidence | Should -Match '^phoneOnlyUsers=AlexW@contoso\.com'
        ($Findings | ConvertTo-Csv) -join "`n" | Should -Not -Match 'System\.'
    }

    It 'writes the checks it meets too with -IncludePassed' {
        $all = @(Test-PasskeyPolicyDesign -IncludePassed)
        $all.Count | Should -Be 25
        @($all | Where-Object Status -EQ Pass).Count | Should -Be (25 - $ContosoDepartures.Count)
        ($all | Where-Object CheckId -EQ PasskeysDisabled).Problem | Should -Be 'Meets the design.'
    }
}

Describe 'Test-PasskeyPolicyDesign on the well-designed tenant' {
    BeforeAll {
        $script:Good = Start-GraphSimulator -Tenant 'well-designed'
        Connect-Simulator -Simulator $Good | Out-Null
    }

    AfterAll {
        Stop-GraphSimulator $Good
        Connect-Simulator -Simulator $Sim | Out-Null
    }

    It 'finds no departure and judges every check' {
        @(Test-PasskeyPolicyDesign) | Should -BeNullOrEmpty
        $all = @(Test-PasskeyPolicyDesign -IncludePassed)
        $all.Count | Should -Be 25
        $all.Status | Sort-Object -Unique | Should -Be 'Pass'
    }
}

Describe 'Missing permissions and licences' {
    It 'stops with PermissionDenied naming Policy.Read.AuthenticationMethod when the methods policy cannot be read' {
        Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'AuditLog.Read.All' | Out-Null
        try {
            $findings = @(Test-PasskeyPolicyDesign -ErrorVariable failures -ErrorAction SilentlyContinue)
            $findings | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "PermissionDenied,$CommandId"
            $failures[0].Exception.Message | Should -Match 'Policy\.Read\.AuthenticationMethod'
        }
        finally { Connect-Simulator -Simulator $Sim | Out-Null }
    }

    It 'judges what it can without AuditLog.Read.All (or UserAuthenticationMethod.Read.All) and Policy.Read.All, naming what is missing' {
        Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'GroupMember.Read.All', 'Policy.Read.AuthenticationMethod' | Out-Null
        try {
            $findings = @(Test-PasskeyPolicyDesign -WarningAction SilentlyContinue)
            $sms = $findings | Where-Object CheckId -EQ SmsVoiceOnlyUsers
            $sms.Status | Should -Be 'Unknown'
            $sms.Remediation | Should -Match 'AuditLog\.Read\.All'
            ($findings | Where-Object CheckId -EQ SecurityDefaultsOn).Status | Should -Be 'Unknown'
            ($findings | Where-Object CheckId -EQ NoRegistrationPolicy).Remediation | Should -Match 'Policy\.Read\.All'
            ($findings | Where-Object CheckId -EQ TargetGroupDeleted).Status | Should -Be 'Fail'
        }
        finally { Connect-Simulator -Simulator $Sim | Out-Null }
    }

    It 'says a Free tenant''s registration report needs Entra ID P1 or P2' {
        $free = Start-GraphSimulator -Tenant 'fabrikam-free'
        try {
            Connect-Simulator -Simulator $free | Out-Null
            $sms = Test-PasskeyPolicyDesign -WarningAction SilentlyContinue | Where-Object CheckId -EQ SmsVoiceOnlyUsers
            $sms.Status | Should -Be 'Unknown'
            $sms.Problem | Should -Match 'premium|licen'
        }
        finally {
            Stop-GraphSimulator $free
            Connect-Simulator -Simulator $Sim | Out-Null
        }
    }
}

Describe 'The HTML report (-OutputPath)' {
    BeforeAll {
        # The page is kept under out/ beside its screenshot; ten users keep the verdicts quick to read.
        $script:Out = Join-Path $PSScriptRoot '../../out/screenshots'
        New-Item -ItemType Directory -Path $Out -Force | Out-Null
        $script:Report = Join-Path $Out 'policy-design-report.html'
        $script:Verdicts = @($Contoso.users.userPrincipalName | Select-Object -First 10 | Test-EntraPasskey -ErrorAction SilentlyContinue)
        $script:Written = @($Verdicts | Test-PasskeyPolicyDesign -OutputPath $Report)
        $script:Html = Get-Content $Report -Raw
        $script:High = @($Written | Where-Object { $_.Status -eq 'Fail' -and $_.Severity -eq 'High' }).Count
        $script:Chromium = if ($env:ENTRAPASSKEY_CHROMIUM) { $env:ENTRAPASSKEY_CHROMIUM } else { (Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source }
        function script:Invoke-Chromium([string[]] $Arguments) {
            # A clean start as root on a closed network: no sandbox, no GPU, no background or component networking, a new profile.
            $profile = Join-Path ([IO.Path]::GetTempPath()) ("chromium-" + [guid]::NewGuid().ToString('N'))
            try {
                $common = '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
                    '--disable-component-update', '--disable-sync', "--user-data-dir=$profile"
                & $Chromium @common @Arguments 2>$null
            }
            finally { Remove-Item $profile -Recurse -Force -ErrorAction SilentlyContinue }
        }
    }

    It 'writes the findings to the pipeline as well' {
        ($Written | Where-Object Status -EQ Fail).CheckId | Sort-Object | Should -Be ($ContosoDepartures | Sort-Object)
    }

    It 'is one self-contained page: no external script, style, image or font' {
        $Html | Should -Match '^<!DOCTYPE html>'
        $Html | Should -Not -Match '<(link|img|iframe|object|embed)\b'
        $Html | Should -Not -Match '\bsrc\s*='
        $Html | Should -Not -Match 'url\(|@import'
    }

    It 'counts departures by severity and charts the verdicts piped in' {
        $Html | Should -Match "data-severity=`"High`"><div class=`"label`">High</div><div class=`"value`">$High<"
        $Html | Should -Match "id=`"verdicts`" data-total=`"$($Verdicts.Count)`""
        $blocked = @($Verdicts | Where-Object { $_.Verdict -eq 'Blocked' -and $_.BlockingLayer -eq 1 }).Count
        $Html | Should -Match "<g class=`"bar`" data-layer=`"1`" data-count=`"$blocked`">"
    }

    It 'stops with OutputPathInvalid naming a folder that does not exist' {
        { Test-PasskeyPolicyDesign -OutputPath (Join-Path $Out 'missing/report.html') } | Should -Throw -ErrorId "OutputPathInvalid,$CommandId"
    }

    It 'loads in headless Chromium without script errors, shows the expected counts and keeps a screenshot' {
        if (-not $Chromium) {
            Set-ItResult -Skipped -Because 'Chromium was not found (install the Debian package chromium, as .ci/run does, or set ENTRAPASSKEY_CHROMIUM)'
            return
        }

        $url = 'file://' + (Resolve-Path $Report).Path
        $dom = (Invoke-Chromium '--virtual-time-budget=5000', '--dump-dom', $url) -join "`n"
        $dom | Should -Match '<html[^>]*data-script-errors="0"'
        $dom | Should -Match '<html[^>]*data-ready="true"'
        $dom | Should -Match "data-severity=`"High`"><div class=`"label`">High</div><div class=`"value`">$High<"
        $dom | Should -Match "id=`"verdicts`" data-total=`"$($Verdicts.Count)`""
        ([regex]::Matches($dom, '<article class="finding"')).Count | Should -Be @($Written | Where-Object Status -NE Pass).Count

        $shot = Join-Path $Out 'policy-design-report.png'
        Remove-Item $shot -ErrorAction SilentlyContinue
        Invoke-Chromium '--window-size=1280,2400', '--hide-scrollbars', "--screenshot=$shot", $url | Out-Null
        (Get-Item $shot).Length | Should -BeGreaterThan 20000
    }
}
