# Builds authenticators.json from the files in Sources/: Microsoft's list of FIDO2 keys eligible for attestation
# (concept-fido2-hardware-vendor.md), the community list of passkey providers (aaguid.json), our own entries and
# defaults (curated.json) and where each file came from (sources.json). build.ps1 -Task Catalog calls
# Update-AuthenticatorCatalog; the tests call New-AuthenticatorCatalog on copies.
#
# Precedence, strongest first: our curated entries, Microsoft's list, the provider list. A curated entry may not
# contradict Microsoft's list, and an AAGUID on Microsoft's list is always accepted.

Set-StrictMode -Version 3.0

$Yes = '&#x2705;'
$No = '&#10060;'
$TableHeader = 'Description|AAGUID|Bio|USB|NFC|BLE'

function Read-MicrosoftKeyList {
    # The page's date (ms.date), the MDS version its table was built from, and each row of the table.
    param([Parameter(Mandatory)] [string] $Path)
    $lines = Get-Content -LiteralPath $Path -Encoding utf8
    $date = $lines | Where-Object { $_ -match '^ms\.date:\s*(\d{2})/(\d{2})/(\d{4})\s*$' } | Select-Object -First 1
    if (-not $date) { throw "$Path has no 'ms.date: MM/DD/YYYY' line in its front matter." }
    $null = $date -match '^ms\.date:\s*(\d{2})/(\d{2})/(\d{4})'
    $pageDate = '{0}-{1}-{2}' -f $Matches[3], $Matches[1], $Matches[2]
    $version = ($lines | Select-String -Pattern 'listed in MDS version (\d+)' | Select-Object -First 1)
    if (-not $version) { throw "$Path does not say which MDS version its table lists ('listed in MDS version N')." }

    $start = [Array]::IndexOf([string[]] $lines, $TableHeader)
    if ($start -lt 0) { throw "$Path has no table headed '$TableHeader'." }
    $keys = [System.Collections.Generic.List[object]]::new()
    $seen = [System.Collections.Generic.HashSet[guid]]::new()
    for ($i = $start + 2; $i -lt $lines.Count -and $lines[$i].Trim(); $i++) {
        $cells = $lines[$i].Split('|')
        $where = "$Path line $($i + 1)"
        if ($cells.Count -ne 6) { throw "${where}: expected 6 cells (Description|AAGUID|Bio|USB|NFC|BLE), found $($cells.Count)." }
        $aaguid = [guid]::Empty
        if (-not [guid]::TryParseExact($cells[1].Trim(), 'D', [ref] $aaguid)) { throw "${where}: '$($cells[1])' is not an AAGUID." }
        if (-not $seen.Add($aaguid)) { throw "${where}: AAGUID $aaguid is listed twice." }
        $marks = foreach ($cell in $cells[2..5]) {
            switch ($cell.Trim()) { $Yes { $true } $No { $false } default { throw "${where}: '$cell' is neither $Yes nor $No." } }
        }
        $keys.Add([pscustomobject]@{ Name = $cells[0].Trim(); Aaguid = $aaguid.ToString(); Bio = $marks[0]; Usb = $marks[1]; Nfc = $marks[2]; Ble = $marks[3] })
    }
    if ($keys.Count -eq 0) { throw "$Path lists no keys under '$TableHeader'." }
    [pscustomobject]@{ Date = $pageDate; MdsVersion = [int] $version.Matches[0].Groups[1].Value; Keys = $keys }
}

function Read-ProviderList {
    # AAGUID -> name, in the list's order. The maintainers empty the list when they retire it: that is an error here,
    # not a catalog without providers.
    param([Parameter(Mandatory)] [string] $Path)
    $list = Get-Content -LiteralPath $Path -Raw -Encoding utf8 | ConvertFrom-Json -AsHashtable
    if ($list.Count -eq 0) { throw "$Path lists no passkey providers (an empty list means it was retired; see its README)." }
    foreach ($key in $list.Keys) {
        $aaguid = [guid]::Empty
        if (-not [guid]::TryParseExact($key, 'D', [ref] $aaguid) -or $key -cne $key.ToLowerInvariant()) { throw "${Path}: '$key' is not a lower-case AAGUID." }
        if (-not $list[$key].name) { throw "${Path}: $key has no name." }
        [pscustomobject]@{ Aaguid = $key; Name = $list[$key].name }
    }
}

function Get-Vendor {
    param([string] $Name, [object[]] $Vendors)
    $match = $Vendors | Where-Object { $Name.StartsWith($_.prefix, [StringComparison]::Ordinal) } | Select-Object -First 1
    if ($match) { $match.vendor }
}

function New-Entry {
    # One catalog entry, its properties in the order the catalog lists them.
    param([string] $Aaguid, [string] $Name, $Facts, [string] $Vendor, [object[]] $Transports, [string] $Source)
    [ordered]@{
        aaguid           = $Aaguid
        name             = $Name
        vendor           = $Vendor
        passkeyType      = $Facts.passkeyType
        providerKind     = $Facts.providerKind
        attestation      = $Facts.attestation
        certification    = $Facts.certification
        residentKey      = $Facts.residentKey
        userVerification = $Facts.userVerification
        transports       = @($Transports | Where-Object { $null -ne $_ })
        minimumPlatform  = $Facts.minimumPlatform
        source           = $Source
    }
}

function New-AuthenticatorCatalog {
    # The text of authenticators.json built from the files in $SourceDirectory, stamped with $Generated.
    param([Parameter(Mandatory)] [string] $SourceDirectory, [Parameter(Mandatory)] [datetime] $Generated)
    $stamps = (Get-Content -LiteralPath (Join-Path $SourceDirectory 'sources.json') -Raw -Encoding utf8 | ConvertFrom-Json).sources
    $microsoftStamp = $stamps | Where-Object file -EQ 'concept-fido2-hardware-vendor.md'
    $providerStamp = $stamps | Where-Object file -EQ 'aaguid.json'
    if (-not $microsoftStamp -or -not $providerStamp) { throw "$SourceDirectory/sources.json must stamp concept-fido2-hardware-vendor.md and aaguid.json." }
    $microsoft = Read-MicrosoftKeyList (Join-Path $SourceDirectory $microsoftStamp.file)
    $providers = Read-ProviderList (Join-Path $SourceDirectory $providerStamp.file)
    $curated = Get-Content -LiteralPath (Join-Path $SourceDirectory 'curated.json') -Raw -Encoding utf8 | ConvertFrom-Json

    $listed = @{}
    foreach ($key in $microsoft.Keys) { $listed[$key.Aaguid] = $key }
    $entries = [ordered]@{}
    foreach ($entry in $curated.authenticators) {
        if ($entries.Contains($entry.aaguid)) { throw "curated.json states AAGUID $($entry.aaguid) twice." }
        if ($listed.ContainsKey($entry.aaguid) -and $entry.attestation -ne 'accepted') {
            throw "curated.json says $($entry.name) ($($entry.aaguid)) is $($entry.attestation), but Microsoft's list accepts it."
        }
        $entries[$entry.aaguid] = New-Entry $entry.aaguid $entry.name $entry $entry.vendor $entry.transports 'curated'
    }
    foreach ($key in $microsoft.Keys) {
        if ($entries.Contains($key.Aaguid)) { continue }
        $transports = @(if ($key.Usb) { 'usb' }) + @(if ($key.Nfc) { 'nfc' }) + @(if ($key.Ble) { 'ble' })
        $entries[$key.Aaguid] = New-Entry $key.Aaguid $key.Name $curated.microsoftList (Get-Vendor $key.Name $curated.vendors) $transports 'microsoft'
    }
    foreach ($provider in $providers) {
        if ($entries.Contains($provider.Aaguid)) { continue }
        $defaults = $curated.providerList
        $entries[$provider.Aaguid] = New-Entry $provider.Aaguid $provider.Name $defaults $defaults.vendor $defaults.transports 'providers'
    }

    $sources = @(
        [ordered]@{
            title = $microsoftStamp.title; repository = $microsoftStamp.repository; path = $microsoftStamp.path; commit = $microsoftStamp.commit
            version = "MDS version $($microsoft.MdsVersion)"; date = $microsoft.Date; retrieved = $microsoftStamp.retrieved
        }
        [ordered]@{
            title = $providerStamp.title; repository = $providerStamp.repository; path = $providerStamp.path; commit = $providerStamp.commit
            version = $null; date = $providerStamp.committed; retrieved = $providerStamp.retrieved
        }
    )
    $comment = @(
        "EntraPasskey's built-in AAGUID catalog. Generated by build.ps1 -Task Catalog from Catalog/Sources/: do not edit by hand.",
        'source: curated = our own entry (Sources/curated.json), microsoft = on Microsoft''s list of FIDO2 keys eligible for attestation, providers = the community passkey provider list.',
        'attestation: accepted = on Microsoft''s list; sameDeviceOnly = only when created on the device itself (not cross-device); notAccepted = not on Microsoft''s list.',
        'A provider-list entry we state nothing about is taken to be a password manager whose passkeys sync (Sources/curated.json providerList).'
    )
    $lines = [System.Collections.Generic.List[string]]::new()
    $lines.Add('{')
    $lines.Add('  "$comment": [')
    $lines.Add((($comment | ForEach-Object { '    ' + (ConvertTo-Json $_) }) -join ",`n"))
    $lines.Add('  ],')
    $lines.Add('  "generated": ' + (ConvertTo-Json $Generated.ToString('yyyy-MM-dd')) + ',')
    $lines.Add('  "sources": [')
    $lines.Add((($sources | ForEach-Object { '    ' + (ConvertTo-Json $_ -Compress) }) -join ",`n"))
    $lines.Add('  ],')
    $lines.Add('  "authenticators": [')
    $lines.Add((($entries.Values | ForEach-Object { '    ' + (ConvertTo-Json $_ -Compress) }) -join ",`n"))
    $lines.Add('  ]')
    $lines.Add('}')
    ($lines -join "`n") + "`n"
}

function Update-AuthenticatorCatalog {
    # Writes the catalog built from $SourceDirectory to $CatalogPath and returns its counts.
    param([Parameter(Mandatory)] [string] $SourceDirectory, [Parameter(Mandatory)] [string] $CatalogPath, [datetime] $Generated = [datetime]::UtcNow.Date)
    $text = New-AuthenticatorCatalog -SourceDirectory $SourceDirectory -Generated $Generated
    [System.IO.File]::WriteAllText($CatalogPath, $text, [System.Text.UTF8Encoding]::new($false))
    $entries = ($text | ConvertFrom-Json).authenticators
    [pscustomobject]@{
        Total       = $entries.Count
        Accepted    = @($entries | Where-Object attestation -EQ 'accepted').Count
        Synced      = @($entries | Where-Object passkeyType -EQ 'synced').Count
        DeviceBound = @($entries | Where-Object passkeyType -EQ 'deviceBound').Count
    }
}

Export-ModuleMember -Function New-AuthenticatorCatalog, Update-AuthenticatorCatalog, Read-MicrosoftKeyList, Read-ProviderList
