# The closing summary: the sample tenant's verdicts in the counts a help desk lead reports, and the queues that act.
Write-Step 'In sum'
$byVerdict = $verdicts | Group-Object Verdict | Sort-Object { [EntraPasskey.Verdict] $_.Name }
Write-Host ("{0} users diagnosed: {1}." -f $verdicts.Count, (($byVerdict | ForEach-Object { "$($_.Count) $($_.Name)" }) -join ', '))
$toAct = @($verdicts | Where-Object Verdict -NE Ready)
$byOwner = $toAct | Group-Object Owner | Sort-Object Count -Descending
Write-Host ("Someone must act for {0} of them: {1}." -f $toAct.Count, (($byOwner | ForEach-Object { "$($_.Name) $($_.Count)" }) -join ', '))
