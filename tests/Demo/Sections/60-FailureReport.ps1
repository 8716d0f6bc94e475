# The weekly failure report: who tried to add a passkey and gave up, why, and whose queue it is; then the same
# report as KQL for a Log Analytics workspace.
Write-Step 'Who failed to add a passkey this week: Get-PasskeyRegistrationFailures (from the directory audit log)'
$failures = Get-PasskeyRegistrationFailures
$failures | Show

Write-Step 'Users to call (failed more than twice), with the next step'
$failures | Where-Object NeedsOutreach | Format-List UserPrincipalName, Reason, Attempts, FirstSeen, LastSeen, LayerName, Owner, Meaning, Remediation | Show

Write-Step 'From the report to the diagnosis: $failures | Where-Object NeedsOutreach | Test-EntraPasskey'
$failures | Where-Object NeedsOutreach | Test-EntraPasskey | Show

Write-Step 'Behind the rows: one object per attempt (-Raw); events sharing a correlation id count once'
Get-PasskeyRegistrationFailures -Raw -UserId 'MeganB@contoso.com', 'LeeG@contoso.com' | Show

Write-Step 'The same report over 30 days, for rows with at least two attempts'
Get-PasskeyRegistrationFailures -Days 30 -MinimumAttempts 2 | Show

Write-Step 'The KQL for a Log Analytics workspace or Sentinel: Get-PasskeyRegistrationFailures -AsKql'
Get-PasskeyRegistrationFailures -AsKql | Write-Host
