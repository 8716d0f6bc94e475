<#
.SYNOPSIS
    The module's side of the benchmark, run in a fresh pwsh: Import-Module time, then $users | Test-EntraPasskey
    against the simulator, then a one-by-one re-run of a sample. Writes one line "RESULT <json>".
.DESCRIPTION
    Wall time covers the pipeline only (the user list is read before). Time to first verdict is measured when the
    first object leaves Test-EntraPasskey. Peak working set is the process's high-water mark as the OS keeps it
    (VmHWM on Linux, PeakWorkingSet on Windows), read after the run, so no short peak is missed between samples.
#>
param(
    [Parameter(Mandatory)] [string] $Graph,
    [Parameter(Mandatory)] [string] $TokenFile,
    [Parameter(Mandatory)] [string] $UsersFile,
    [int] $SampleSize = 50
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

function Get-Timeline([string] $Graph, [DateTimeOffset] $Start, [double] $Wall) {
    # Where the wall time went, from the simulator's request log (bench only, never in tests): when the identity
    # budget was spent second by second against what Graph would have served (a full bucket, then its refill rate),
    # and when reports requests and 429s came.
    $stats = Invoke-RestMethod -Uri "$Graph/_sim/stats"
    $rate = $stats.budgets.identity.capacity / $stats.budgets.identity.windowSeconds
    $bucket = $stats.budgets.identity.capacity
    $json = (Invoke-WebRequest -Uri "$Graph/_sim/requests").Content
    $document = [System.Text.Json.JsonDocument]::Parse($json)
    $perSecond = [Collections.Generic.SortedDictionary[int, double]]::new()
    $reports = [Collections.Generic.List[double]]::new()
    $throttled = [Collections.Generic.List[string]]::new()
    $units = 0.0
    $last = 0.0
    foreach ($entry in $document.RootElement.EnumerateArray()) {
        $budget = $entry.GetProperty('budget')
        if ($budget.ValueKind -ne [System.Text.Json.JsonValueKind]::String) { continue }
        $t = ($entry.GetProperty('time').GetDateTimeOffset() - $Start).TotalSeconds
        if ($entry.GetProperty('throttled').GetBoolean()) { $throttled.Add(('{0}@{1:N1}' -f $budget.GetString(), $t)); continue }
        switch ($budget.GetString()) {
            'identity' {
                $u = $entry.GetProperty('resourceUnits').GetInt32()
                $units += $u
                $second = [int][Math]::Floor($t)
                $perSecond[$second] = $u + $(if ($perSecond.ContainsKey($second)) { $perSecond[$second] } else { 0 })
                if ($t -gt $last) { $last = $t }
            }
            'reports' { $reports.Add([Math]::Round($t, 1)) }
        }
    }
    $document.Dispose()
    # The earliest Graph could have served these units: a full bucket at once, then the refill rate.
    $ideal = [Math]::Max(0, ($units - $bucket) / $rate)
    $slow = @($perSecond.Keys | Where-Object { $_ -lt [Math]::Floor($last) -and $perSecond[$_] -lt $rate / 2 })
    [ordered]@{
        identityUnits          = $units
        identityLastSeconds    = [Math]::Round($last, 2)
        identityIdealSeconds   = [Math]::Round($ideal, 2)
        identityLostSeconds    = [Math]::Round($last - $ideal, 2)
        tailAfterIdentity      = [Math]::Round($Wall - $last, 2)
        secondsBelowHalfRate   = $slow.Count
        slowSeconds            = ($slow | Select-Object -First 12) -join ','
        unitsPerSecond         = (@($perSecond.Keys | Select-Object -First 40 | ForEach-Object { [int]$perSecond[$_] }) -join ' ')
        reportsAt              = ($reports | Select-Object -First 12) -join ' '
        throttledAt            = ($throttled | Select-Object -First 12) -join ' '
    }
}

function Get-Signature($diagnosis) {
    # Everything a verdict says, on one line, so bulk and one-by-one runs compare exactly.
    $layers = foreach ($finding in $diagnosis.Findings) { "$($finding.Layer):$($finding.Status):$($finding.ReasonCode)" }
    "$($diagnosis.Verdict)|$($diagnosis.BlockingLayer)|$($diagnosis.ReasonCode)|$($layers -join ',')"
}

$import = [Diagnostics.Stopwatch]::StartNew()
Import-Module $env:ENTRAPASSKEY_MODULE
$importMs = $import.Elapsed.TotalMilliseconds

$token = (Get-Content $TokenFile -Raw).Trim()
Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $Graph | Out-Null
$ids = [IO.File]::ReadAllLines($UsersFile)
$step = [Math]::Max(1, [Math]::Floor($ids.Count / [Math]::Max(1, $SampleSize)))
$sample = @{}
for ($i = 0; $i -lt $ids.Count -and $sample.Count -lt $SampleSize; $i += $step) { $sample[$i] = $null }
Invoke-RestMethod -Method Delete -Uri "$Graph/_sim/stats" | Out-Null
Invoke-RestMethod -Method Delete -Uri "$Graph/_sim/requests" | Out-Null

$tally = @{}
# Elapsed seconds when 10 %, 50 % and 90 % of the verdicts had left, to tell a slow start from a slow tail.
$marks = [ordered]@{}
$checkpoints = @{ ([int][Math]::Ceiling($ids.Count * 0.1)) = 'p10'; ([int][Math]::Ceiling($ids.Count * 0.5)) = 'p50'; ([int][Math]::Ceiling($ids.Count * 0.9)) = 'p90' }
$start = [DateTimeOffset]::UtcNow
$errors = 0
$index = 0
$first = $null
$clock = [Diagnostics.Stopwatch]::StartNew()
$ids | Test-EntraPasskey 2>&1 | ForEach-Object {
    if ($null -eq $first) { $first = $clock.Elapsed.TotalSeconds }
    if ($_ -is [System.Management.Automation.ErrorRecord]) {
        $errors++
        $key = "Error:$($_.FullyQualifiedErrorId.Split(',')[0])"
    }
    else {
        $key = "$($_.Verdict):$($_.ReasonCode)"
        if ($sample.ContainsKey($index)) { $sample[$index] = Get-Signature $_ }
    }
    $tally[$key] = 1 + [int] $tally[$key]
    $index++
    if ($checkpoints.ContainsKey($index)) { $marks[$checkpoints[$index]] = [Math]::Round($clock.Elapsed.TotalSeconds, 2) }
}
$wall = $clock.Elapsed.TotalSeconds
$stats = Invoke-RestMethod -Uri "$Graph/_sim/stats"
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$peak = $process.PeakWorkingSet64
# The machine may be shared: the load right after the run says how much else was running.
$load = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ', ' } else { 'n/a' }
$timeline = Get-Timeline -Graph $Graph -Start $start -Wall $wall
$timeline.verdictsAt = $marks

$mismatches = [Collections.Generic.List[string]]::new()
foreach ($position in $sample.Keys) {
    $single = Test-EntraPasskey -UserId $ids[$position] -ErrorAction SilentlyContinue
    $expected = if ($single) { Get-Signature $single } else { $null }
    if ($expected -ne $sample[$position]) { $mismatches.Add("$($ids[$position]): bulk '$($sample[$position])' vs one-by-one '$expected'") }
}

$result = [ordered]@{
    users             = $ids.Count
    outputs           = $index
    errors            = $errors
    importModuleMs    = [Math]::Round($importMs, 1)
    wallSeconds       = [Math]::Round($wall, 3)
    firstVerdictSeconds = if ($null -ne $first) { [Math]::Round($first, 3) } else { $null }
    peakWorkingSetMB  = [Math]::Round($peak / 1MB, 1)
    loadAverage       = $load
    tally             = $tally
    sampleChecked     = $sample.Count
    sampleMismatches  = @($mismatches)
    stats             = $stats
    timeline          = $timeline
}
'RESULT ' + ($result | ConvertTo-Json -Depth 10 -Compress)
