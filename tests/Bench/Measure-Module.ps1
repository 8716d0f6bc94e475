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

$tally = @{}
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
}
$wall = $clock.Elapsed.TotalSeconds
$stats = Invoke-RestMethod -Uri "$Graph/_sim/stats"
$process = [Diagnostics.Process]::GetCurrentProcess()
$process.Refresh()
$peak = $process.PeakWorkingSet64
# The machine may be shared: the load right after the run says how much else was running.
$load = if (Test-Path /proc/loadavg) { ((Get-Content /proc/loadavg) -split ' ')[0..2] -join ', ' } else { 'n/a' }

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
}
'RESULT ' + ($result | ConvertTo-Json -Depth 10 -Compress)
