BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    $script:Tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:App = $Tenant.apps[0]
    $script:Workspace = $Tenant.logAnalyticsWorkspaces[0].id
    $script:CommandId = 'EntraPasskey.Commands.GetPasskeyRegistrationFailuresCommand'
    # The sample week (tests/GraphSimulator/README.md): user, reason, attempts, outreach, layer, owner.
    $script:SampleWeek = @(
        'AdeleV@contoso.com|AttestationFailed|2|False|2|IdentityTeam'
        'AlexW@contoso.com|AaguidNotAllowed|1|False|2|IdentityTeam'
        'AlexW@contoso.com|Unrecognised|1|False||'
        'IsaiahL@contoso.com|CancelledOrTimedOut|1|False|5|User'
        'IsaiahL@contoso.com|KeyRestrictionViolated|1|False|2|IdentityTeam'
        'JoniS@contoso.com|ConditionalAccessBlocked|1|False|3|IdentityTeam'
        'LeeG@contoso.com|PolicyDisallowsPasskey|1|False|1|IdentityTeam'
        'MeganB@contoso.com|PolicyDisallowsPasskey|3|True|1|IdentityTeam'
        'NestorW@contoso.com|RecentMfaRequired|1|False|4|User'
        "o'brien@contoso.com|CancelledOrTimedOut|1|False|5|User"
    )
    function script:Describe-Row($Row) { '{0}|{1}|{2}|{3}|{4}|{5}' -f $Row.UserPrincipalName, $Row.Reason, $Row.Attempts, $Row.NeedsOutreach, $Row.LikelyLayer, $Row.Owner }
    function script:Start-TenantVariant([hashtable] $Changes) {
        # The sample tenant with some top-level properties changed, on its own simulator.
        $variant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json -AsHashtable
        foreach ($key in $Changes.Keys) { $variant[$key] = $Changes[$key] }
        $path = Join-Path ([IO.Path]::GetTempPath()) ("tenant-" + [guid]::NewGuid().ToString('N') + '.json')
        $variant | ConvertTo-Json -Depth 30 | Set-Content $path
        try { Start-GraphSimulator -Tenant $path }
        finally { Remove-Item $path }
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Get-PasskeyRegistrationFailures on the sample tenant' {
    BeforeAll {
        Clear-SimulatorRequest $Sim
        $script:Report = @(Get-PasskeyRegistrationFailures)
        $script:Requests = Get-SimulatorRequest $Sim
    }

    It 'writes one row per user and reason for the last 7 days, with layer, owner and outreach' {
        $Report | ForEach-Object { Describe-Row $_ } | Should -Be $SampleWeek
    }

    It 'writes typed objects with the table view' {
        $Report | Should -BeOfType ([EntraPasskey.RegistrationFailureSummary])
        (Get-FormatData -TypeName 'EntraPasskey.RegistrationFailureSummary').FormatViewDefinition.Name | Should -Be 'EntraPasskey.RegistrationFailureSummary'
        $text = $Report | Out-String -Width 200
        $text | Should -Match 'Outreach'
        ($text -split "`n" | Where-Object { $_ -match '^MeganB@contoso\.com' }) | Should -Match 'Yes'
    }

    It 'names the authenticator from the AAGUID catalog when the audit carries its AAGUID' {
        ($Report | Where-Object Reason -EQ 'KeyRestrictionViolated').Authenticators | Should -Be 'YubiKey 5 Series with NFC'
        ($Report | Where-Object Reason -EQ 'AttestationFailed').Aaguids | Should -Be 'ea9b8d66-4d01-1d21-3ce4-b6b48cb575d4'
        ($Report | Where-Object Reason -EQ 'AaguidNotAllowed').Authenticators | Should -Be (Get-PasskeyAuthenticator -Aaguid 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd').Name
        ($Report | Where-Object Reason -EQ 'AaguidNotAllowed').Authenticators | Should -Be 'iCloud Keychain (Apple Passwords)'
    }

    It 'counts the events of one attempt once' {
        ($Report | Where-Object UserPrincipalName -EQ 'LeeG@contoso.com').CorrelationIds.Count | Should -Be 1
        ($Report | Where-Object UserPrincipalName -EQ 'MeganB@contoso.com').CorrelationIds.Count | Should -Be 3
    }

    It 'flattens lists for Export-Csv' {
        $row = $Report | Where-Object Reason -EQ 'KeyRestrictionViolated' | ConvertTo-Csv | ConvertFrom-Csv
        $row.Methods | Should -Be 'Security key'
        $row.Authenticators | Should -Be 'YubiKey 5 Series with NFC'
        $row.LayerName | Should -Be 'Passkey profile / key restrictions'
        ($Report | ConvertTo-Csv) -join "`n" | Should -Not -Match 'System\.'
    }

    It 'reads the audit log in one request filtered on both services, the window and the failures' {
        $Requests.Count | Should -Be 1
        $path = [Uri]::UnescapeDataString($Requests[0].path)
        $path | Should -BeLike "/v1.0/auditLogs/directoryAudits?*(loggedByService eq 'Authentication Methods' or loggedByService eq 'Device Registration Service') and activityDateTime ge * and (result eq 'failure' or result eq 'timeout' or *"
        $path | Should -Match '\$top=500'
    }
}

Describe 'The window: -Days, -Since and -Until' {
    It 'includes older failures with -Days 30 and not with -Days 14' {
        (Get-PasskeyRegistrationFailures -Days 30 | Where-Object UserPrincipalName -EQ 'GradyA@contoso.com').Reason | Should -Be @('AlreadyRegistered', 'PasskeyTypeNotAllowed')
        (Get-PasskeyRegistrationFailures -Days 14 | Where-Object UserPrincipalName -EQ 'GradyA@contoso.com').Reason | Should -Be 'PasskeyTypeNotAllowed'
    }

    It 'reports an explicit window' {
        $rows = Get-PasskeyRegistrationFailures -Since (Get-Date).AddDays(-10) -Until (Get-Date).AddDays(-5)
        $rows | ForEach-Object { '{0}|{1}' -f $_.UserPrincipalName, $_.Reason } | Should -Be @('GradyA@contoso.com|PasskeyTypeNotAllowed', 'LeeG@contoso.com|PolicyDisallowsPasskey', 'MeganB@contoso.com|PolicyDisallowsPasskey')
    }

    It 'refuses more than 30 days with WindowTooWide' {
        { Get-PasskeyRegistrationFailures -Since (Get-Date).AddDays(-45) -Until (Get-Date).AddDays(-2) } |
            Should -Throw -ErrorId "WindowTooWide,$CommandId"
    }

    It 'refuses an end before the start with WindowInvalid' {
        { Get-PasskeyRegistrationFailures -Since (Get-Date).AddDays(-2) -Until (Get-Date).AddDays(-3) } |
            Should -Throw -ErrorId "WindowInvalid,$CommandId"
    }

    It 'validates -Days between 1 and 30' {
        { Get-PasskeyRegistrationFailures -Days 31 } | Should -Throw -ErrorId 'ParameterArgumentValidationError,EntraPasskey.Commands.GetPasskeyRegistrationFailuresCommand'
    }
}

Describe '-UserId, -MinimumAttempts and -Raw' {
    It 'narrows to users from the pipeline: strings, objects and an apostrophe' {
        $byValue = "o'brien@contoso.com", 'MeganB@contoso.com' | Get-PasskeyRegistrationFailures
        $byValue.UserPrincipalName | Should -Be @('MeganB@contoso.com', "o'brien@contoso.com")
        $byProperty = [pscustomobject]@{ Id = '00d3f0dd-f2cb-4c1f-b47e-aae1194bb1c7'; DisplayName = 'Megan Bowen' } | Get-PasskeyRegistrationFailures
        $byProperty.Reason | Should -Be 'PolicyDisallowsPasskey'
        $byProperty.Attempts | Should -Be 3
    }

    It 'escapes the apostrophe in the Graph filter' {
        Clear-SimulatorRequest $Sim
        Get-PasskeyRegistrationFailures -UserId "o'brien@contoso.com" | Out-Null
        [Uri]::UnescapeDataString((Get-SimulatorRequest $Sim)[0].path) | Should -Match "initiatedBy/user/userPrincipalName eq 'o''brien@contoso\.com'"
    }

    It 'writes an error naming a malformed user and still reports the others' {
        $rows = 'not a user', 'LeeG@contoso.com' | Get-PasskeyRegistrationFailures -ErrorVariable failures -ErrorAction SilentlyContinue
        $rows.UserPrincipalName | Should -Be 'LeeG@contoso.com'
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "UserIdMalformed,$CommandId"
        $failures[0].TargetObject | Should -Be 'not a user'
    }

    It 'reads nothing when no user given is usable' {
        Clear-SimulatorRequest $Sim
        $rows = '' | Get-PasskeyRegistrationFailures -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'keeps rows with at least -MinimumAttempts, while outreach counts every attempt' {
        $rows = Get-PasskeyRegistrationFailures -MinimumAttempts 2
        $rows | ForEach-Object { Describe-Row $_ } | Should -Be @('AdeleV@contoso.com|AttestationFailed|2|False|2|IdentityTeam', 'MeganB@contoso.com|PolicyDisallowsPasskey|3|True|1|IdentityTeam')
    }

    It 'writes one event per attempt with -Raw' {
        $events = Get-PasskeyRegistrationFailures -Raw
        $events | Should -BeOfType ([EntraPasskey.RegistrationFailureEvent])
        $events.Count | Should -Be 13
        $lee = $events | Where-Object UserPrincipalName -EQ 'LeeG@contoso.com'
        $lee.EventCount | Should -Be 2
        $lee.Activities.ToString() | Should -Be 'User registered security info; Add Passkey (device-bound)'
        (Get-PasskeyRegistrationFailures -Raw -MinimumAttempts 3).UserPrincipalName | Sort-Object -Unique | Should -Be 'MeganB@contoso.com'
    }
}

Describe '-AsKql' {
    It 'prints the KQL for the AuditLogs table and calls nothing' {
        Clear-SimulatorRequest $Sim
        $kql = Get-PasskeyRegistrationFailures -AsKql -Days 14 -UserId "o'brien@contoso.com" -MinimumAttempts 2
        $kql | Should -BeOfType ([string])
        @($kql).Count | Should -Be 1
        $lines = $kql -split "`n"
        $lines[0] | Should -Be '// EntraPasskey: failed passkey registrations by user and reason (Get-PasskeyRegistrationFailures)'
        $lines | Should -Contain 'let since = ago(14d);'
        $lines | Should -Contain "let users = dynamic([`"o'brien@contoso.com`"]);"
        $lines | Should -Contain 'let minimumAttempts = 2;'
        $lines | Should -Contain 'AuditLogs'
        $lines | Should -Contain '| where LoggedByService in~ ("Authentication Methods", "Device Registration Service")'
        $lines | Should -Contain '    by CorrelationId = iif(isempty(CorrelationId), Id, CorrelationId)'
        $lines | Should -Contain '| extend NeedsOutreach = UserAttempts > 2'
        Get-SimulatorRequest $Sim | Should -BeNullOrEmpty
    }

    It 'needs no connection, and writes the per-attempt query with -Raw' {
        $result = Invoke-FreshPwsh -Script @"
Import-Module '$env:ENTRAPASSKEY_MODULE'
`$kql = Get-PasskeyRegistrationFailures -AsKql -Raw -Since '2026-03-01T00:00:00Z' -Until '2026-03-08T00:00:00Z'
'RESULT ' + (@{ Lines = @(`$kql -split "``n") } | ConvertTo-Json -Compress)
"@
        $result.Lines[0] | Should -Be '// EntraPasskey: failed passkey registration attempts, one row per attempt (Get-PasskeyRegistrationFailures -Raw)'
        $result.Lines | Should -Contain 'let since = datetime(2026-03-01T00:00:00Z);'
        $result.Lines | Should -Contain 'let until = datetime(2026-03-08T00:00:00Z);'
    }
}

Describe '-WorkspaceId (Log Analytics)' {
    It 'returns the same report from the workspace as from Graph' {
        $expected = Get-PasskeyRegistrationFailures -Days 30 | ForEach-Object { '{0}|{1}|{2}' -f (Describe-Row $_), $_.Authenticators, $_.CorrelationIds }
        $result = Invoke-FreshPwsh -Environment @{ SSL_CERT_FILE = $Sim.Certificate } -Script @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:ENTRAPASSKEY_MODULE'
`$secret = ConvertTo-SecureString '$($App.clientSecret)' -AsPlainText -Force
Connect-EntraPasskey -TenantId '$($Sim.TenantId)' -ClientId '$($App.clientId)' -ClientSecret `$secret -AuthorityHost '$($Sim.Authority)' -GraphEndpoint '$($Sim.Graph)' | Out-Null
`$output = Get-PasskeyRegistrationFailures -Days 30 -WorkspaceId '$Workspace' -LogAnalyticsEndpoint '$($Sim.Graph)' -Verbose 4>&1
`$rows = @(`$output | Where-Object { `$_ -is [EntraPasskey.RegistrationFailureSummary] })
`$verbose = @(`$output | Where-Object { `$_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
'RESULT ' + (@{ Verbose = `$verbose; Rows = @(`$rows | ForEach-Object { '{0}|{1}|{2}|{3}|{4}|{5}|{6}|{7}' -f `$_.UserPrincipalName, `$_.Reason, `$_.Attempts, `$_.NeedsOutreach, `$_.LikelyLayer, `$_.Owner, `$_.Authenticators, `$_.CorrelationIds }) } | ConvertTo-Json -Compress)
"@
        $result.Rows | Should -Be $expected
        $result.Verbose | Should -Contain "POST $($Sim.Graph)/v1/workspaces/$Workspace/query (KQL, $((Get-PasskeyRegistrationFailures -Days 30 -AsKql).Length) characters)"
        $result.Verbose | Where-Object { $_ -like 'GET auditLogs*' } | Should -BeNullOrEmpty
    }

    It 'says how to connect when the connection holds only a Graph token' {
        $rows = Get-PasskeyRegistrationFailures -WorkspaceId $Workspace -LogAnalyticsEndpoint $Sim.Graph -ErrorVariable failures -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "LogAnalyticsTokenUnavailable,$CommandId"
        $failures[0].ErrorDetails.RecommendedAction | Should -Match 'Connect-EntraPasskey'
    }
}

Describe 'Licence, retention and permission' {
    AfterEach {
        Connect-Simulator -Simulator $Sim | Out-Null
    }

    It 'warns once on a Free tenant asked for 30 days, and reports the last 7' {
        $free = Start-TenantVariant @{ licence = 'Free' }
        try {
            Connect-Simulator -Simulator $free | Out-Null
            $rows = Get-PasskeyRegistrationFailures -Days 30 -WarningVariable warnings -WarningAction SilentlyContinue
            $warnings.Count | Should -Be 1
            "$($warnings[0])" | Should -Match 'no Microsoft Entra ID P1 or P2 licence.*only 7 days'
            $rows | ForEach-Object { Describe-Row $_ } | Should -Be $SampleWeek
        }
        finally { Stop-GraphSimulator $free }
    }

    It 'warns once that the retention is unchecked when the licence cannot be read, only for more than 7 days' {
        Connect-Simulator -Simulator $Sim -Roles 'AuditLog.Read.All' | Out-Null
        $rows = Get-PasskeyRegistrationFailures -Days 30 -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -Match '^Could not check how far back the audit log goes: .*Organization\.Read\.All.*only 7 days'
        ($rows | Where-Object UserPrincipalName -EQ 'GradyA@contoso.com').Reason | Should -Be @('AlreadyRegistered', 'PasskeyTypeNotAllowed')
        Get-PasskeyRegistrationFailures -Days 7 -WarningVariable weekWarnings -WarningAction SilentlyContinue | Out-Null
        $weekWarnings.Count | Should -Be 0
    }

    It 'writes one LicenceRequired error when the audit log needs a premium licence, shown without a stack trace' {
        $free = Start-TenantVariant @{ licence = 'Free'; auditLogsRequirePremium = $true }
        try {
            Connect-Simulator -Simulator $free | Out-Null
            $rows = Get-PasskeyRegistrationFailures -ErrorVariable failures -ErrorAction SilentlyContinue
            $rows | Should -BeNullOrEmpty
            $failures.Count | Should -Be 1
            $failures[0].FullyQualifiedErrorId | Should -Be "LicenceRequired,$CommandId"
            $failures[0].CategoryInfo.Category | Should -Be 'NotEnabled'
            $failures[0].ErrorDetails.Message | Should -Match 'P1 or P2'
            # A .NET stack frame line: "   at EntraPasskey.Engine.Audit.DirectoryAuditReader.ReadAsync[T](String filter, ...)".
            $stackFrame = '(?m)^\s+at \S+\('
            $failures[0].Exception.ToString() | Should -CMatch $stackFrame -Because 'the pattern must recognise the stack the exception carries'
            $ErrorView = 'ConciseView'
            $concise = $failures[0] | Out-String -Width 1000
            $ErrorView = 'NormalView'
            $normal = $failures[0] | Out-String -Width 1000
            foreach ($shown in $concise, $normal) {
                $shown | Should -Match 'P1 or P2'
                $shown | Should -Not -CMatch $stackFrame
            }
            $normal | Should -Match ([regex]::Escape("FullyQualifiedErrorId : LicenceRequired,$CommandId"))
        }
        finally { Stop-GraphSimulator $free }
    }

    It 'writes one PermissionDenied error naming AuditLog.Read.All' {
        Connect-Simulator -Simulator $Sim -Roles 'User.Read.All', 'Policy.Read.All' | Out-Null
        $rows = Get-PasskeyRegistrationFailures -ErrorVariable failures -ErrorAction SilentlyContinue
        $rows | Should -BeNullOrEmpty
        $failures.Count | Should -Be 1
        $failures[0].FullyQualifiedErrorId | Should -Be "PermissionDenied,$CommandId"
        $failures[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
        $failures[0].ErrorDetails.Message | Should -Match 'AuditLog\.Read\.All'
    }
}
