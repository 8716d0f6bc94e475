<#
.SYNOPSIS
    build.ps1 -Task Bench: the per-user sequential baseline and the module, side by side, against the same simulated
    tenant with the same latency and throttling; results to out/bench/ as markdown and JSON.
.DESCRIPTION
    For each tenant size N: start the simulator with a generated tenant of N users (throttling, latency, jitter as
    given), list its users, run the baseline over the first -BaselineUsers of them, then run the module over all N
    in a fresh pwsh (see Measure-Module.ps1). /_sim/stats is reset (counters zeroed, buckets refilled) before each.

    Throttling floor of a plan: max over budgets b of (units the plan spent on b ÷ b's refill rate), with units as
    the simulator priced them (resource units for identity calls, requests for reports and Conditional Access),
    throttled calls not counted. The baseline's floor at N users is N × its measured units per user on each budget.
#>
param(
    # Tenant sizes, e.g. 1000,10000 (a comma-separated string when passed through pwsh -File).
    [string[]] $Users = @('1000'),
    [int] $BaselineUsers = 100,
    [int] $LatencyMs = 50,
    [int] $JitterMs = 10,
    [ValidateSet('On', 'Off')] [string] $Throttling = 'On',
    [int] $Seed = 42,
    [int] $SampleSize = 50,
    # Interactive sign-ins per user per day in the generated tenant (one in eight with MFA): a real tenant's 8 by default.
    [double] $SignInsPerDay = 8,
    # Another build's EntraPasskey.psd1, measured first against the same simulator: a change judged side by side.
    [string] $CompareModule,
    [string] $OutDirectory = (Join-Path $PSScriptRoot '../../out/bench')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1')
$Sizes = @($Users -split ',' | Where-Object { $_ } | ForEach-Object { [int] $_ })
$BenchDll = Join-Path $PSScriptRoot "bin/Release/net10.0/Bench.dll"
$Roles = @('User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All',
    'Policy.Read.AuthenticationMethod', 'AuditLog.Read.All', 'Organization.Read.All', 'Directory.Read.All')

function Get-UserIds($Simulator, [string] $Token) {
    # The simulator's user list, as Get-MgUser -All would page it.
    $ids = [Collections.Generic.List[string]]::new()
    $uri = "$($Simulator.Graph)/v1.0/users?`$select=id&`$top=999"
    while ($uri) {
        $page = Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "Bearer $Token" }
        foreach ($user in $page.value) { $ids.Add($user.id) }
        $uri = $page.PSObject.Properties['@odata.nextLink']?.Value
    }
    $ids
}

function Invoke-Baseline($Simulator, [string] $TokenFile, [string[]] $Ids) {
    $usersFile = Join-Path $Simulator.WorkFolder 'baseline-users.txt'
    $resultFile = Join-Path $Simulator.WorkFolder 'baseline.json'
    [IO.File]::WriteAllLines($usersFile, $Ids)
    Invoke-RestMethod -Method Delete -Uri "$($Simulator.Graph)/_sim/stats" | Out-Null
    & dotnet $BenchDll baseline --graph $Simulator.Graph --token-file $TokenFile --users $usersFile --out $resultFile
    if ($LASTEXITCODE -ne 0) { throw "The baseline failed (exit code $LASTEXITCODE)." }
    $result = Get-Content $resultFile -Raw | ConvertFrom-Json
    $result | Add-Member stats (Invoke-RestMethod -Uri "$($Simulator.Graph)/_sim/stats")
    $result
}

function Invoke-Module($Simulator, [string] $TokenFile, [string[]] $Ids, [string] $Module = $env:ENTRAPASSKEY_MODULE) {
    $usersFile = Join-Path $Simulator.WorkFolder 'module-users.txt'
    [IO.File]::WriteAllLines($usersFile, $Ids)
    $env:ENTRAPASSKEY_MODULE, $built = $Module, $env:ENTRAPASSKEY_MODULE
    $output = & dotnet $env:ENTRAPASSKEY_PWSH -NoProfile -NonInteractive -File (Join-Path $PSScriptRoot 'Measure-Module.ps1') `
        -Graph $Simulator.Graph -TokenFile $TokenFile -UsersFile $usersFile -SampleSize $SampleSize 2>&1 | Out-String
    $env:ENTRAPASSKEY_MODULE = $built
    $line = $output -split "`n" | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1
    if (-not $line) { throw "The module run wrote no RESULT line:`n$output" }
    $line.Substring(7) | ConvertFrom-Json
}

function Get-BudgetRate($Budget) { $Budget.capacity / $Budget.windowSeconds }

function Get-BaselineFloor($Baseline, [int] $N) {
    # N × (units per user on each budget) ÷ rate, the largest over budgets. Reports: at least the plan's sign-in call.
    $floor = 0.0
    foreach ($budget in $Baseline.stats.budgets.PSObject.Properties) {
        $units = [double] $budget.Value.units
        if ($budget.Name -eq 'reports') { $units = [Math]::Max($units, $Baseline.users * [double] $Baseline.callsPerUserByBudget.reports) }
        $floor = [Math]::Max($floor, $N * ($units / $Baseline.users) / (Get-BudgetRate $budget.Value))
    }
    $floor
}

function Measure-TenantSize([int] $N) {
    $switch = $Throttling.ToLowerInvariant()
    $simulator = Start-GraphSimulator -LatencyMs $LatencyMs -JitterMs $JitterMs `
        -ExtraArguments @('--generate', $N, '--seed', $Seed, '--throttling', $switch, '--signins-per-day', $SignInsPerDay.ToString([Globalization.CultureInfo]::InvariantCulture))
    try {
        $token = New-SimulatorToken -Simulator $simulator -Roles $Roles
        $tokenFile = Join-Path $simulator.WorkFolder 'token.txt'
        Set-Content -Path $tokenFile -Value $token -NoNewline
        $ids = @(Get-UserIds $simulator $token)
        $baseline = $null
        if ($BaselineUsers -gt 0) {
            Write-Host "  baseline over $([Math]::Min($BaselineUsers, $N)) users..."
            $baseline = Invoke-Baseline $simulator $tokenFile $ids[0..([Math]::Min($BaselineUsers, $N) - 1)]
        }
        $runs = @()
        if ($CompareModule) {
            Write-Host "  compared module ($CompareModule) over $N users..."
            $runs += [pscustomobject]@{ Users = $N; Baseline = $baseline; Module = (Invoke-Module $simulator $tokenFile $ids $CompareModule); Label = "compared build ($CompareModule)" }
        }
        Write-Host "  module over $N users..."
        $runs += [pscustomobject]@{ Users = $N; Baseline = $baseline; Module = (Invoke-Module $simulator $tokenFile $ids); Label = $(if ($CompareModule) { 'this build' } else { $null }) }
        $runs
    }
    finally {
        Stop-GraphSimulator $simulator
    }
}

function Format-Seconds([double] $Seconds) {
    if ($Seconds -ge 3600) { '{0:N1} h' -f ($Seconds / 3600) } elseif ($Seconds -ge 100) { '{0:N0} s' -f $Seconds } else { '{0:N2} s' -f $Seconds }
}

function Get-Summary($Run) {
    # The numbers the table shows, also written to the JSON.
    $n = $Run.Users
    $m = $Run.Module
    $moduleStats = $m.stats
    $summary = [ordered]@{
        users                      = $n
        moduleWallSeconds          = $m.wallSeconds
        moduleFirstVerdictSeconds  = $m.firstVerdictSeconds
        moduleUsersPerSecond       = [Math]::Round($n / [Math]::Max($m.wallSeconds, 0.001), 1)
        moduleHttpRequestsPerUser  = [Math]::Round($moduleStats.requests / $n, 3)
        moduleGraphCallsPerUser    = [Math]::Round(($moduleStats.requests + $moduleStats.items) / $n, 3)
        moduleResourceUnitsPerUser = [Math]::Round($moduleStats.resourceUnits / $n, 3)
        moduleReportsPerUser       = [Math]::Round($moduleStats.budgets.reports.units / $n, 3)
        moduleThrottled            = $moduleStats.throttled
        moduleFloorSeconds         = $moduleStats.floorSeconds
        moduleIdentityFloorSeconds = $moduleStats.budgets.identity.floorSeconds
        moduleReportsFloorSeconds  = $moduleStats.budgets.reports.floorSeconds
        moduleThrottledByBudget    = [ordered]@{ identity = $moduleStats.budgets.identity.throttled; reports = $moduleStats.budgets.reports.throttled; conditionalAccess = $moduleStats.budgets.conditionalAccess.throttled }
        loadAverage                = $m.loadAverage
        moduleWallOverFloor        = if ($moduleStats.floorSeconds -gt 0) { [Math]::Round($m.wallSeconds / $moduleStats.floorSeconds, 2) } else { $null }
        importModuleMs             = $m.importModuleMs
        peakWorkingSetMB           = $m.peakWorkingSetMB
        errors                     = $m.errors
        sampleChecked              = $m.sampleChecked
        sampleMismatches           = @($m.sampleMismatches).Count
    }
    if ($b = $Run.Baseline) {
        $perUser = $b.wallSeconds / $b.users
        $summary.baselineUsersMeasured = $b.users
        $summary.baselineWallSeconds = $b.wallSeconds
        $summary.baselineFirstUserSeconds = $b.firstUserSeconds
        $summary.baselineUsersPerSecond = [Math]::Round($b.users / [Math]::Max($b.wallSeconds, 0.001), 2)
        $summary.baselineHttpRequestsPerUser = [Math]::Round($b.stats.requests / $b.users, 3)
        $summary.baselineResourceUnitsPerUser = [Math]::Round($b.stats.resourceUnits / $b.users, 3)
        $summary.baselineReportsPerUser = [Math]::Round([Math]::Max($b.stats.budgets.reports.units / $b.users, $b.callsPerUserByBudget.reports), 3)
        $summary.baselineThrottled = $b.stats.throttled
        $summary.baselineFloorSecondsAtN = [Math]::Round((Get-BaselineFloor $b $n), 1)
        $summary.baselineLatencyFloorSecondsAtN = [Math]::Round($n * $b.callsPerUser * $LatencyMs / 1000, 1)
        $summary.baselineExtrapolatedSecondsAtN = [Math]::Round($perUser * $n, 1)
        $summary.speedupVsBaselineFloor = [Math]::Round($summary.baselineFloorSecondsAtN / [Math]::Max($m.wallSeconds, 0.001), 1)
        $summary.speedupVsBaselineExtrapolated = [Math]::Round($summary.baselineExtrapolatedSecondsAtN / [Math]::Max($m.wallSeconds, 0.001), 1)
    }
    $summary
}

function Format-Table($Summary, $Run) {
    $s = $Summary
    $lines = [Collections.Generic.List[string]]::new()
    $lines.Add("### $($s.users) users$(if ($Run.Label) { ", $($Run.Label)" })")
    $lines.Add('')
    $lines.Add('| | Baseline (per-user sequential) | Module (`$users \| Test-EntraPasskey`) |')
    $lines.Add('|---|---|---|')
    $hasBaseline = $s.Contains('baselineUsersMeasured')
    function Row([string] $name, $baseline, $module) { $lines.Add("| $name | $(if ($hasBaseline) { $baseline } else { 'not run' }) | $module |") }
    Row 'Users measured' $s['baselineUsersMeasured'] $s.users
    Row 'Wall time (measured)' ($hasBaseline ? (Format-Seconds $s.baselineWallSeconds) : '') (Format-Seconds $s.moduleWallSeconds)
    Row 'Users per second' $s['baselineUsersPerSecond'] $s.moduleUsersPerSecond
    Row 'Time to first verdict' ($hasBaseline ? (Format-Seconds $s.baselineFirstUserSeconds) : '') (Format-Seconds $s.moduleFirstVerdictSeconds)
    Row 'HTTP requests per user' $s['baselineHttpRequestsPerUser'] $s.moduleHttpRequestsPerUser
    Row 'Graph calls per user ($batch items counted)' $s['baselineHttpRequestsPerUser'] $s.moduleGraphCallsPerUser
    Row 'Resource units per user (identity)' $s['baselineResourceUnitsPerUser'] $s.moduleResourceUnitsPerUser
    Row 'Reports requests per user (5 / 10 s)' $s['baselineReportsPerUser'] $s.moduleReportsPerUser
    Row '429s received' $s['baselineThrottled'] "$($s.moduleThrottled) (identity $($s.moduleThrottledByBudget.identity), reports $($s.moduleThrottledByBudget.reports), Conditional Access $($s.moduleThrottledByBudget.conditionalAccess))"
    Row 'Identity floor / reports floor of the plan used' '' "$(Format-Seconds $s.moduleIdentityFloorSeconds) / $(Format-Seconds $s.moduleReportsFloorSeconds)"
    Row "Throttling floor at $($s.users) users" ($hasBaseline ? (Format-Seconds $s.baselineFloorSecondsAtN) : '') (Format-Seconds $s.moduleFloorSeconds)
    Row "Wall time at $($s.users) users" ($hasBaseline ? "$(Format-Seconds $s.baselineExtrapolatedSecondsAtN) (extrapolated)" : '') (Format-Seconds $s.moduleWallSeconds)
    Row 'Wall time ÷ throttling floor' '' ($s.moduleWallOverFloor ?? 'n/a (floor 0)')
    if ($hasBaseline) {
        Row 'Module speed-up' '' "$($s.speedupVsBaselineExtrapolated)× vs extrapolated, $($s.speedupVsBaselineFloor)× vs the baseline's floor"
    }
    Row 'Import-Module' '' "$($s.importModuleMs) ms"
    Row 'Peak working set (pwsh)' '' "$($s.peakWorkingSetMB) MB"
    Row 'Verdicts identical to one-by-one (sample)' '' "$($s.sampleChecked - $s.sampleMismatches) of $($s.sampleChecked)"
    Row 'Errors (could not evaluate)' '' $s.errors
    Row 'Load average (1, 5, 15 min) after the module run' '' $s.loadAverage
    if ($t = $Run.Module.PSObject.Properties['timeline']?.Value) {
        Row 'Verdicts out at 10 / 50 / 90 %' '' "$($t.verdictsAt.p10) / $($t.verdictsAt.p50) / $($t.verdictsAt.p90) s"
        Row 'Identity: last unit spent / earliest possible / lost' '' "$($t.identityLastSeconds) / $($t.identityIdealSeconds) / $($t.identityLostSeconds) s ($($t.identityUnits) units); tail after it $($t.tailAfterIdentity) s"
        Row 'Identity seconds below half the refill rate' '' "$($t.secondsBelowHalfRate) ($($t.slowSeconds))"
        Row 'Identity units per second (first 40 s)' '' $t.unitsPerSecond
        Row 'Reports requests at (s)' '' $t.reportsAt
        Row '429s at (s)' '' $t.throttledAt
    }
    $lines.Add('')
    $tally = ($Run.Module.tally.PSObject.Properties | Sort-Object Name | ForEach-Object { "$($_.Name) $($_.Value)" }) -join '; '
    $lines.Add("Module verdicts (Verdict:Reason count): $tally")
    $intended = ($Run.Module.stats.generated.expectedReasons.PSObject.Properties | ForEach-Object { "$($_.Name) $($_.Value)" }) -join '; '
    $lines.Add('')
    $lines.Add("Generator's intended causes (reason count, for layers 1 and 3): $intended")
    $lines
}

New-Item -ItemType Directory -Path $OutDirectory -Force | Out-Null
$runs = foreach ($n in $Sizes) {
    Write-Host "Benchmark: $n users, latency $LatencyMs ms + jitter ≤ $JitterMs ms, throttling $Throttling, seed $Seed"
    Measure-TenantSize $n
}

$settings = [ordered]@{ users = $Sizes; signInsPerUserPerDay = $SignInsPerDay; baselineUsers = $BaselineUsers; latencyMs = $LatencyMs; jitterMs = $JitterMs; throttling = $Throttling; seed = $Seed; sampleSize = $SampleSize }
$summaries = @($runs | ForEach-Object { Get-Summary $_ })
$markdown = [Collections.Generic.List[string]]::new()
$markdown.Add('# EntraPasskey benchmark')
$markdown.Add('')
$markdown.Add("Run $(Get-Date -Format 'yyyy-MM-dd HH:mm') UTC$((Get-Date).ToString('zzz')) on $([Environment]::ProcessorCount) cores. Simulator: generated tenant (seed $Seed, $SignInsPerDay interactive sign-ins per user per day, one in eight with MFA), latency $LatencyMs ms + jitter 0–$JitterMs ms per HTTP request, throttling $Throttling. Baseline and module ran against the same simulator process, each from a refilled budget.")
$markdown.Add('')
$identity = $runs[0].Module.stats.budgets.identity.capacity
$markdown.Add("Throttling floor = max over budgets of (units the plan spent on the budget ÷ the budget's refill rate): identity $identity resource units / 10 s per app (8,000 for tenants over 500 users, 5,000 for 50–500, 3,500 below), reports 5 requests / 10 s, Conditional Access 1 request / s. Throttled calls are not counted. A run that starts with full buckets can beat its floor by up to one bucket (10 s of identity units), so at small N the ratio can fall below 1.")
$markdown.Add('')
for ($i = 0; $i -lt $runs.Count; $i++) { foreach ($line in Format-Table $summaries[$i] $runs[$i]) { $markdown.Add($line) }; $markdown.Add('') }

$stamp = Get-Date -Format 'yyyyMMdd-HHmmss'
$json = [ordered]@{ settings = $settings; summaries = $summaries; runs = @($runs) } | ConvertTo-Json -Depth 12
foreach ($name in "bench-$stamp", 'latest') {
    Set-Content -Path (Join-Path $OutDirectory "$name.md") -Value ($markdown -join "`n")
    Set-Content -Path (Join-Path $OutDirectory "$name.json") -Value $json
}
$markdown -join "`n" | Write-Host
Write-Host "Results: $(Join-Path $OutDirectory "bench-$stamp.md") (and .json)"
$failed = @($summaries | Where-Object { $_.sampleMismatches -gt 0 -or $_.errors -gt 0 })
if ($failed) { Write-Warning "Bulk and one-by-one verdicts differ, or some users could not be evaluated: see the tables."; exit 1 }
