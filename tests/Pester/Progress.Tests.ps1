# The progress bar of a bulk run: a total and a percentage when the size of the run is known (a list given to -UserId,
# or pipeline input once it has all arrived), a running count while pipeline input of unknown size is still coming.
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    Connect-Simulator -Simulator $Sim | Out-Null
    $script:Upns = @((Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json).users.userPrincipalName)

    function script:Get-ProgressRecord([string] $Script) {
        # A runspace of its own records the progress stream; the module's connection is per process, so it is shared.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript('param($Module) Import-Module $Module').AddParameter('Module', $env:ENTRAPASSKEY_MODULE).Invoke()
            $shell.Commands.Clear()
            $null = $shell.AddScript($Script).AddParameter('Upns', $Upns).Invoke()
            $shell.Streams.Error | Should -BeNullOrEmpty
            @($shell.Streams.Progress)
        }
        finally {
            $shell.Dispose()
        }
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Test-EntraPasskey progress' {
    It 'shows a total and a percentage for a list given to -UserId' {
        $records = Get-ProgressRecord 'param($Upns) $null = Test-EntraPasskey -UserId $Upns'

        $running = @($records | Where-Object RecordType -EQ 'Processing')
        $running | Should -HaveCount ([Math]::Floor($Upns.Count / 25))
        $running[0].StatusDescription | Should -Match "^25 of $($Upns.Count) users diagnosed, \d+ in progress$"
        $running[0].PercentComplete | Should -Be ([Math]::Floor(2500 / $Upns.Count))
        @($records | Where-Object RecordType -EQ 'Completed') | Should -HaveCount 1
    }

    It 'keeps a running count while pipeline input is still arriving' {
        # The input waits, feeding one more user at a time, until 25 verdicts have come out: the bar at 25 is drawn
        # before anyone knows how many users will come.
        $script = @'
param($Upns)
$state = @{ Seen = 0 }
& {
    $Upns
    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while ($state.Seen -lt 25 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100; $Upns[0] }
} | Test-EntraPasskey | ForEach-Object { $state.Seen++ }
'@
        $records = Get-ProgressRecord $script

        $records[0].StatusDescription | Should -Match '^25 users diagnosed, \d+ in progress$'
        $records[0].PercentComplete | Should -Be -1
    }

    It 'shows the total once pipeline input has all arrived' {
        $records = Get-ProgressRecord 'param($Upns) $null = $Upns | Test-EntraPasskey'

        $records[0].StatusDescription | Should -Match "^25 of $($Upns.Count) users diagnosed, \d+ in progress$"
        $records[0].PercentComplete | Should -Be ([Math]::Floor(2500 / $Upns.Count))
    }
}

Describe 'Test-EntraPasskeySignIn progress' {
    It 'shows a total and a percentage for a list given to -UserId' {
        $records = Get-ProgressRecord 'param($Upns) $null = Test-EntraPasskeySignIn -UserId $Upns'

        $records[0].StatusDescription | Should -Match "^25 of $($Upns.Count) users diagnosed, \d+ in progress$"
        $records[0].PercentComplete | Should -Be ([Math]::Floor(2500 / $Upns.Count))
    }
}
