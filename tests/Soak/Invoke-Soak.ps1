<#
.SYNOPSIS
    build.ps1 -Task Soak: a bulk run of the built module through the simulator's fault injection, every kind at
    once, with the retries users get; prints users, faults injected by kind, outputs, errors by id, wall time.
.DESCRIPTION
    Two simulators serve the same generated tenant (same seed): one without faults, one with about -FaultRate of its
    calls damaged, shared evenly by every kind (429 with and without Retry-After, 503, 504, reset, slow, HTML and
    cut-off bodies, $batch items left out and rewritten). A top-level request can meet eight of the ten kinds and a
    $batch item seven, so each kind gets an eighth of the rate. A slow reply comes -SlowMs late, past the 30 s a read attempt is
    given. The user list comes from the simulator without faults, and so do the verdicts the faulty run is compared
    with: it runs before the faulty run and again after it, because the generated tenant's times are relative to now
    (a sign-in leaves the hour read, a pass expires) and the faulty run takes minutes, so a verdict may rightly change
    meanwhile; a verdict differs when it is neither the one before nor the one after. Exits 1 when an input did not
    get exactly one verdict or error, in order, when a user got an error, when a verdict differs, or when a kind of
    fault was never injected.
#>
param(
    [int] $Users = 2000,
    [double] $FaultRate = 0.1,
    [int] $SlowMs = 31000,
    [int] $Seed = 11
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../Pester/TestHelpers.psm1')
Import-Module $env:ENTRAPASSKEY_MODULE

$Kinds = '429', '429-no-retry-after', '503', '504', 'reset', 'slow', 'html', 'truncated', 'drop', 'rewrite'

function Get-Signature($diagnosis) {
    $layers = foreach ($finding in $diagnosis.Findings) { "$($finding.Layer):$($finding.Status):$($finding.ReasonCode)" }
    "$($diagnosis.Verdict)|$($diagnosis.BlockingLayer)|$($diagnosis.ReasonCode)|$($layers -join ',')"
}

function Invoke-Run($Simulator, [string[]] $Ids) {
    # Every input's output in order: a signature for a verdict, 'Error:<id>' for an error record.
    Connect-Simulator -Simulator $Simulator | Out-Null
    Invoke-RestMethod -Method Delete -Uri "$($Simulator.Graph)/_sim/stats" | Out-Null
    $outputs = [Collections.Generic.List[object]]::new()
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $Ids | Test-EntraPasskey 2>&1 | ForEach-Object {
        if ($_ -is [Management.Automation.ErrorRecord]) {
            $outputs.Add([pscustomobject]@{ Input = [string] $_.TargetObject; Output = "Error:$($_.FullyQualifiedErrorId.Split(',')[0])"; Message = $_.Exception.Message })
        }
        else {
            $outputs.Add([pscustomobject]@{ Input = $_.UserId; Output = Get-Signature $_; Message = $null })
        }
    }
    $wall = $clock.Elapsed.TotalSeconds
    Disconnect-EntraPasskey
    [pscustomobject]@{ Outputs = $outputs; Wall = $wall; Stats = Invoke-RestMethod -Uri "$($Simulator.Graph)/_sim/stats" }
}

$perKind = $FaultRate / 8
$faults = ($Kinds | ForEach-Object { '{0}={1}' -f $_, $perKind.ToString([Globalization.CultureInfo]::InvariantCulture) }) -join ','
$common = @('--generate', $Users, '--seed', $Seed)
$clean = Start-GraphSimulator -ExtraArguments $common
$faulty = Start-GraphSimulator -ExtraArguments ($common + @('--faults', $faults, '--slow-ms', $SlowMs))
try {
    $token = New-SimulatorToken -Simulator $clean
    $ids = [Collections.Generic.List[string]]::new()
    $uri = "$($clean.Graph)/v1.0/users?`$select=id&`$top=999"
    while ($uri) {
        $page = Invoke-RestMethod -Uri $uri -Headers @{ Authorization = "Bearer $token" }
        foreach ($user in $page.value) { $ids.Add($user.id) }
        $uri = $page.PSObject.Properties['@odata.nextLink']?.Value
    }

    Write-Host "Soak: $($ids.Count) users, faults $faults, slow replies $SlowMs ms late, seed $Seed"
    $expected = Invoke-Run $clean $ids
    Write-Host ("Fault-free run: {0} outputs in {1:n1} s" -f $expected.Outputs.Count, $expected.Wall)
    $run = Invoke-Run $faulty $ids
    $after = Invoke-Run $clean $ids

    $injected = $run.Stats.faults
    $total = ($Kinds | ForEach-Object { [long] ($injected.PSObject.Properties[$_]?.Value ?? 0) } | Measure-Object -Sum).Sum
    $inOrder = ($run.Outputs.Count -eq $ids.Count) -and -not (Compare-Object @($run.Outputs.Input) @($ids) -SyncWindow 0)
    $errors = @($run.Outputs | Where-Object { $_.Output -like 'Error:*' })
    $differ = [Collections.Generic.List[string]]::new()
    $moved = 0
    for ($i = 0; $i -lt [Math]::Min($run.Outputs.Count, $ids.Count); $i++) {
        if ($expected.Outputs[$i].Output -ne $after.Outputs[$i].Output) { $moved++ }
        if ($run.Outputs[$i].Output -notlike 'Error:*' -and $run.Outputs[$i].Output -notin $expected.Outputs[$i].Output, $after.Outputs[$i].Output) {
            $differ.Add("$($ids[$i]): '$($run.Outputs[$i].Output)', without faults '$($expected.Outputs[$i].Output)'")
        }
    }

    Write-Host ''
    Write-Host "Users:              $($ids.Count)"
    Write-Host "Calls:              $($run.Stats.requests) requests, $($run.Stats.items) `$batch items"
    Write-Host "Faults injected:    $total ($(($Kinds | ForEach-Object { "$_ $($injected.PSObject.Properties[$_]?.Value ?? 0)" }) -join ', '))"
    Write-Host "Outputs:            $($run.Outputs.Count) ($($run.Outputs.Count - $errors.Count) verdicts, $($errors.Count) errors), one per input in input order: $inOrder"
    Write-Host "Errors by id:       $(if ($errors) { ($errors | Group-Object Output | ForEach-Object { "$($_.Name.Substring(6)) $($_.Count)" }) -join ', ' } else { 'none' })"
    foreach ($message in $errors | Group-Object Message | Select-Object -First 5) { Write-Host "                    $($message.Count) x $($message.Name)" }
    Write-Host "Verdicts that differ from the fault-free runs: $($differ.Count) ($moved changed between the fault-free runs before and after, as time moved)"
    foreach ($line in $differ | Select-Object -First 5) { Write-Host "                    $line" }
    Write-Host ("Wall time:          {0:n1} s (fault-free: {1:n1} s)" -f $run.Wall, $expected.Wall)
    $missing = @($Kinds | Where-Object { -not $injected.PSObject.Properties[$_] })
    if ($missing) { Write-Host "Never injected:     $($missing -join ', ')" }
    if (-not $inOrder -or $errors.Count -gt 0 -or $differ.Count -gt 0 -or $missing) { exit 1 }
}
finally {
    Stop-GraphSimulator $clean
    Stop-GraphSimulator $faulty
}
