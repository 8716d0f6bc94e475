# The prevention design: where the tenant departs from the design that prevents passkey tickets and what each
# departure costs in users; the same audit of a well-designed tenant; then the report for the identity team, with the
# verdicts of the first section charted.
Write-Step 'Where the tenant departs from the prevention design: Test-PasskeyPolicyDesign'
$design = Test-PasskeyPolicyDesign
$design | Show

Write-Step 'One departure in full: the users it reaches, the fix and Microsoft''s page'
$design | Where-Object CheckId -EQ 'SmsVoiceOnlyUsers' | Format-List CheckId, Severity, Problem, AffectedUsers, AffectedUsersBasis, Remediation, Documentation | Show

Write-Step 'A well-designed tenant (tests/GraphSimulator/tenants/well-designed.json): no departures, every check met'
$wellDesigned = Start-GraphSimulator -Tenant 'well-designed'
try {
    $wellToken = New-SimulatorToken -Simulator $wellDesigned
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $wellToken -AsPlainText -Force) -GraphEndpoint $wellDesigned.Graph | Out-Null
    $checks = Test-PasskeyPolicyDesign -IncludePassed
    Write-Host ("{0} checks: {1} departures, {2} met." -f $checks.Count, @($checks | Where-Object Status -NE 'Pass').Count, @($checks | Where-Object Status -EQ 'Pass').Count)
}
finally {
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph | Out-Null
    Stop-GraphSimulator $wellDesigned
}

$reportPath = Join-Path (Resolve-Path (Join-Path $PSScriptRoot '../../..')).Path 'out/policy-design-report.html'
New-Item -ItemType Directory -Path (Split-Path $reportPath) -Force | Out-Null
Write-Step 'The report for the identity team: $verdicts | Test-PasskeyPolicyDesign -OutputPath policy-design-report.html'
$verdicts | Test-PasskeyPolicyDesign -OutputPath $reportPath | Out-Null
Write-Host "Report written to $reportPath"
Write-Host 'One self-contained HTML page (no external resources): open it in any browser, offline, or mail it.'
