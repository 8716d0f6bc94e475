# A failure every user of a run meets alike (a missing Graph permission) is said once, in full, naming the permission
# and what it costs; each user's error or finding then says it briefly. Nothing is lost: N inputs in, N outputs out.
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:AllUpns = @($tenant.users.userPrincipalName)
    $script:Users = @{}
    foreach ($user in $tenant.users) { $Users[$user.displayName] = $user }
    function script:Upn([string] $DisplayName) { $Users[$DisplayName].userPrincipalName }
    $script:AllRoles = @(
        'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All',
        'Policy.Read.AuthenticationMethod', 'AuditLog.Read.All', 'Organization.Read.All'
    )
    function script:ConnectWithout([string[]] $Missing) {
        Connect-Simulator -Simulator $Sim -Roles ($AllRoles | Where-Object { $_ -notin $Missing }) | Out-Null
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'A permission no user can be diagnosed without' {
    BeforeAll { ConnectWithout 'Policy.Read.AuthenticationMethod', 'Policy.Read.All' }

    It 'is said in full for the first user and briefly for the rest, one error per input, in order' {
        $inputs = (Upn 'Adele Vance'), '', (Upn 'Lee Gu'), (Upn 'Megan Bowen')

        $output = @($inputs | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output.Count | Should -Be $inputs.Count
        $output.FullyQualifiedErrorId | Should -Be @(
            'PermissionDenied,EntraPasskey.Commands.TestEntraPasskeyCommand', 'UserIdEmpty,EntraPasskey.Commands.TestEntraPasskeyCommand',
            'PermissionDenied,EntraPasskey.Commands.TestEntraPasskeyCommand', 'PermissionDenied,EntraPasskey.Commands.TestEntraPasskeyCommand')
        $output.TargetObject | Should -Be $inputs
        $output[0].Exception.Message | Should -Be 'Permission denied to read the authentication methods policy. It needs the Microsoft Graph permission Policy.Read.AuthenticationMethod. Every check starts from that policy, so no user can be checked without it.'
        $output[1].Exception.Message | Should -Be 'Input 2: the user id is empty.'
        $output[2, 3].Exception.Message | Should -Be @(
            'Permission denied: Policy.Read.AuthenticationMethod is missing (the first error of this run says more).',
            'Permission denied: Policy.Read.AuthenticationMethod is missing (the first error of this run says more).')
        $output[2, 3].ErrorDetails.RecommendedAction | ForEach-Object { $_ | Should -Match '^Grant Policy\.Read\.AuthenticationMethod' }
    }

    It 'is said in full again by the next run' {
        $output = @((Upn 'Lee Gu') | Test-EntraPasskey -ErrorAction Continue 2>&1)

        $output[0].Exception.Message | Should -Be 'Permission denied to read the authentication methods policy. It needs the Microsoft Graph permission Policy.Read.AuthenticationMethod. Every check starts from that policy, so no user can be checked without it.'
    }
}

Describe 'A permission that leaves a layer Unknown' {
    It 'AuditLog.Read.All: one warning naming it and the layers it costs; each finding names it briefly' {
        ConnectWithout 'AuditLog.Read.All'

        $diagnoses = @($AllUpns | Test-EntraPasskey -WarningVariable warnings -WarningAction SilentlyContinue)

        $diagnoses.Count | Should -Be $AllUpns.Count
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -Be ('The sign-in logs could not be read: the Microsoft Graph permission AuditLog.Read.All is missing. So layer 4 (Recent MFA session) is Unknown ' +
            "for every user, and layer 5 (Platform / browser) cannot see the device of their latest sign-in; each user's finding says so briefly.")
        foreach ($diagnosis in $diagnoses) {
            $layer4 = $diagnosis.Findings[3]
            $layer4.Status | Should -Be 'Unknown'
            $layer4.Message | Should -BeLike '*: the Microsoft Graph permission AuditLog.Read.All is missing.'
            $diagnosis.Summary | Should -Not -Match 'Permission denied'
        }
    }

    It 'Policy.Read.All: one warning naming it and what Conditional Access decides; no summary repeats it in full' {
        ConnectWithout 'Policy.Read.All'

        $diagnoses = @($AllUpns | Test-EntraPasskey -WarningVariable warnings -WarningAction SilentlyContinue)

        $diagnoses.Count | Should -Be $AllUpns.Count
        @($warnings).Count | Should -Be 1
        $warnings[0].Message | Should -BeLike 'Conditional Access policies could not be read: the Microsoft Graph permission Policy.Read.All is missing. What they could decide is Unknown for every user (layer 3, MFA bootstrap, *'
        @($diagnoses | Where-Object ReasonCode -EQ 'ConditionalAccessUnavailable').Count | Should -BeGreaterThan 0
        $diagnoses.Summary | Should -Not -Match 'Permission denied'
    }

    It 'with every permission: no warning (the near miss)' {
        ConnectWithout @()

        $diagnoses = @($AllUpns | Test-EntraPasskey -WarningVariable warnings -WarningAction SilentlyContinue)

        $diagnoses.Count | Should -Be $AllUpns.Count
        @($warnings).Count | Should -Be 0
    }
}
