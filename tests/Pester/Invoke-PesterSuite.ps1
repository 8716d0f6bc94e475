<#
.SYNOPSIS
    Runs the *.Tests.ps1 in this folder with the pinned Pester (restored from NuGet) and writes a JSON summary.
    build.ps1 -Task Test starts it in a fresh pwsh with the ENTRAPASSKEY_* variables set.
.PARAMETER Filter
    Runs every test of the files whose name contains this text, and the tests of the other files whose full name
    (Describe, Context and It joined) contains it. Without it every test runs.
#>
param(
    [Parameter(Mandatory)] [string] $ResultsDirectory,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $Filter
)
$ErrorActionPreference = 'Stop'
Import-Module $env:ENTRAPASSKEY_PESTER -Force

# The test files import the module into this process; its connections pace the reports budget (sign-ins, 5 per 10 s)
# on a simulated clock, so dozens of one-user diagnoses do not sleep through the 10-second windows. The simulators
# here never throttle that budget; the benchmark and the demo keep the real clock.
Import-Module $env:ENTRAPASSKEY_MODULE
[EntraPasskey.Internal.TestHooks]::SetTestHook('SimulatedReportsClock', $true)

function Invoke-PesterRun {
    param([string[]] $Path, [string] $FullName, [string] $ResultFile)
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $Path
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Normal'
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = Join-Path $ResultsDirectory $ResultFile
    if ($FullName) { $configuration.Filter.FullName = $FullName }
    Invoke-Pester -Configuration $configuration
}

$runs = if (-not $Filter) {
    , @{ Path = @($PSScriptRoot); FullName = $null; ResultFile = 'pester.xml' }
}
else {
    $pattern = '*' + [WildcardPattern]::Escape($Filter) + '*'
    $files = @(Get-ChildItem $PSScriptRoot -Filter *.Tests.ps1)
    $named = @($files | Where-Object Name -Like $pattern | ForEach-Object FullName)
    $others = @($files | Where-Object Name -NotLike $pattern | ForEach-Object FullName)
    if ($named) { @{ Path = $named; FullName = $null; ResultFile = 'pester-files.xml' } }
    if ($others) { @{ Path = $others; FullName = $pattern; ResultFile = 'pester-names.xml' } }
}

$passed = 0; $failed = 0; $skipped = 0
$skippedTests = [System.Collections.Generic.List[string]]::new()
foreach ($run in $runs) {
    $result = Invoke-PesterRun @run
    $passed += $result.PassedCount
    # A failing BeforeAll or a file that does not parse fails its whole block or container: count those too.
    $failed += $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    $skipped += $result.SkippedCount
    # A skipped test says which and why (Set-ItResult -Skipped -Because ...; build.ps1 prints them before its last line).
    foreach ($test in $result.Skipped) {
        $why = @($test.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join '; '
        $skippedTests.Add("$($test.ExpandedPath): $(if ($why) { $why } else { '(no reason given)' })")
    }
}
[pscustomobject]@{ Passed = $passed; Failed = $failed; Skipped = $skipped; SkippedTests = @($skippedTests) } | ConvertTo-Json | Set-Content -Path $SummaryPath
