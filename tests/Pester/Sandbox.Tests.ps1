# build.ps1 -Task Sandbox is how a newcomer tries the module: it must start, connect and answer. Run as a user would,
# through build.ps1 (with -NoBuild: the suite already built it), non-interactively with -Command.
BeforeAll {
    $script:Build = Join-Path $PSScriptRoot '../../build.ps1'
    # The configuration the suite was built with, read from the simulator's path (bin/<Configuration>/...).
    $script:Configuration = if ($env:ENTRAPASSKEY_SIMULATOR -match '[\\/]bin[\\/](Release|Debug)[\\/]') { $Matches[1] } else { 'Release' }

    function script:Invoke-Sandbox([string] $Command, [string[]] $More = @()) {
        $output = & dotnet $env:ENTRAPASSKEY_PWSH -NoProfile -NonInteractive -File $Build -Task Sandbox -NoBuild -Configuration $Configuration @More -Command $Command 2>&1 | Out-String
        [pscustomobject]@{ Output = $output; ExitCode = $LASTEXITCODE; Graph = if ($output -match 'simulated on (http://127\.0\.0\.1:\d+)') { $Matches[1] } }
    }
}

Describe 'build.ps1 -Task Sandbox' {
    It 'starts the sample tenant, connected, answers Test-EntraPasskey with real verdicts, and stops the simulator at the end' {
        $run = Invoke-Sandbox 'Test-EntraPasskey AdeleV@contoso.com, LeeG@contoso.com | ForEach-Object { "VERDICT $($_.UserPrincipalName) $($_.Verdict) $($_.ReasonCode)" }'

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'EntraPasskey sandbox: the sample tenant \(Contoso, \d+ users\)'
        $run.Output | Should -Match 'VERDICT AdeleV@contoso\.com Ready \r?\n'
        $run.Output | Should -Match 'VERDICT LeeG@contoso\.com Blocked UserExcluded'
        $run.Output | Should -Match 'Sandbox closed; simulator stopped\.'
        $run.Graph | Should -Not -BeNullOrEmpty
        { Invoke-RestMethod -Method Post -Uri "$($run.Graph)/_sim/token" -Body '{"roles":[]}' -ContentType 'application/json' -TimeoutSec 10 } | Should -Throw
    }

    It 'serves a generated tenant of the size -Users asks for, every user of which gets a verdict' {
        $run = Invoke-Sandbox '$verdicts = Get-SandboxUser | Test-EntraPasskey; "USERS $(@(Get-SandboxUser).Count) VERDICTS $(@($verdicts | Where-Object Verdict -In Ready, AtRisk, Blocked, Unknown).Count)"' -More '-Users', '120'

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match 'EntraPasskey sandbox: a generated tenant of 120 users'
        $run.Output | Should -Match 'USERS 120 VERDICTS 120'
    }

    It 'exits with the session''s exit code when the command fails' {
        $run = Invoke-Sandbox 'Test-EntraPasskey nobody@contoso.com -ErrorAction Stop'

        $run.ExitCode | Should -Not -Be 0
        $run.Output | Should -Match 'Sandbox closed; simulator stopped\.'
    }

    It 'runs Connect-EntraPasskey''s access-token example as its help writes it' {
        $example = @((Get-Help Connect-EntraPasskey -Examples).examples.example) | Where-Object { $_.title -match 'sandbox' }
        $example | Should -HaveCount 1
        $code = $example.code -join "`n"
        $roles = @(($code | Select-String "'([A-Za-z.]+\.All)'" -AllMatches).Matches | ForEach-Object { $_.Groups[1].Value } | Sort-Object)

        # The sandbox connected with its own token first; the example's connection replaces it (its permissions show).
        $run = Invoke-Sandbox "Disconnect-EntraPasskey`n$code`n""SCOPES `$((Get-EntraPasskeyContext).Scopes -join ',')""`nTest-EntraPasskey LeeG@contoso.com | ForEach-Object { ""VERDICT `$(`$_.Verdict) `$(`$_.ReasonCode)"" }"

        $run.ExitCode | Should -Be 0 -Because $run.Output
        $run.Output | Should -Match "SCOPES $([regex]::Escape($roles -join ','))\r?\n"
        $run.Output | Should -Match 'VERDICT Blocked UserExcluded'
    }
}
