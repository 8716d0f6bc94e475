<#
.SYNOPSIS
    Runs every *.Tests.ps1 in this folder with the pinned Pester (restored from NuGet) and writes a JSON summary.
    build.ps1 -Task Test starts it in a fresh pwsh with the ENTRAPASSKEY_* variables set.
#>
param(
    [Parameter(Mandatory)] [string] $ResultsDirectory,
    [Parameter(Mandatory)] [string] $SummaryPath
)
$ErrorActionPreference = 'Stop'
Import-Module $env:ENTRAPASSKEY_PESTER -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Normal'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = Join-Path $ResultsDirectory 'pester.xml'

$result = Invoke-Pester -Configuration $configuration
# A skipped test says which and why (Set-ItResult -Skipped -Because ...), so a missing prerequisite is never silent.
$skipped = foreach ($test in $result.Skipped) {
    $why = @($test.ErrorRecord | ForEach-Object { $_.Exception.Message }) -join '; '
    "$($test.ExpandedPath): $why"
}
foreach ($line in $skipped) { Write-Host "Skipped: $line" }
[pscustomobject]@{
    Passed  = $result.PassedCount
    # A failing BeforeAll or a file that does not parse fails its whole block or container: count those too.
    Failed  = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    Skipped = $result.SkippedCount
    SkippedTests = @($skipped)
} | ConvertTo-Json | Set-Content -Path $SummaryPath
