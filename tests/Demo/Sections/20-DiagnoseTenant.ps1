# Every user through the pipeline, who owns what, one user in full, and the CSV the identity team gets.
Write-Step 'Every user in the tenant through the pipeline: $users | Test-EntraPasskey'
$headers = @{ Authorization = "Bearer $Token" }
$users = (Invoke-RestMethod -Uri "$($Simulator.Graph)/v1.0/users?`$select=id,userPrincipalName,displayName&`$top=999" -Headers $headers).value
$verdicts = $users | Test-EntraPasskey
$verdicts | Format-Table | Show

Write-Step 'Which queue owns which tickets'
$verdicts | Group-Object Verdict, Owner | Sort-Object Count -Descending |
    Select-Object Count, @{ n = 'Verdict, Owner'; e = { $_.Name } } | Format-Table -AutoSize | Show

$blocked = $verdicts | Where-Object ReasonCode -EQ 'UserExcluded' | Select-Object -First 1
Write-Step "One user in full: Test-EntraPasskey -UserId $($blocked.UserPrincipalName) (every layer, the group that blocks, the fix)"
Test-EntraPasskey -UserId $blocked.UserPrincipalName | Show
Write-Host 'The evidence behind layer 1:'
$blocked.Findings[0].Evidence | Format-Table -AutoSize | Show

Write-Step 'Export for the identity team: $verdicts | Export-Csv passkey-report.csv'
$verdicts | Select-Object UserPrincipalName, Verdict, Layer, Owner, ReasonCode, Fix | ConvertTo-Csv |
    Select-Object -First 4 | Show
