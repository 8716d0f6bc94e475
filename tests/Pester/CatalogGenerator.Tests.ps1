# The catalog generator (build.ps1 -Task Catalog) on the committed sources and on altered copies of them.
BeforeAll {
    $script:CatalogFolder = Join-Path $PSScriptRoot '../../src/EntraPasskey.Engine/Catalog'
    $script:Sources = Join-Path $CatalogFolder 'Sources'
    Import-Module (Join-Path $CatalogFolder 'CatalogGenerator.psm1') -Force
    $script:Committed = Get-Content (Join-Path $CatalogFolder 'authenticators.json') -Raw | ConvertFrom-Json
    $script:Curated = (Get-Content (Join-Path $Sources 'curated.json') -Raw | ConvertFrom-Json).authenticators

    function script:Copy-Sources {
        $copy = Join-Path $TestDrive ([guid]::NewGuid())
        Copy-Item $Sources $copy -Recurse
        $copy
    }

    function script:Build([string] $Folder) {
        New-AuthenticatorCatalog -SourceDirectory $Folder -Generated ([datetime] $Committed.generated) | ConvertFrom-Json
    }
}

Describe 'New-AuthenticatorCatalog' {
    It 'makes the committed catalog from the committed sources' {
        $built = New-AuthenticatorCatalog -SourceDirectory $Sources -Generated ([datetime] $Committed.generated)
        $built | Should -BeExactly (Get-Content (Join-Path $CatalogFolder 'authenticators.json') -Raw)
    }

    It 'keeps every curated entry and its wording, though the provider list names some of them otherwise' {
        $providers = Get-Content (Join-Path $Sources 'aaguid.json') -Raw | ConvertFrom-Json -AsHashtable
        $renamed = @($Curated | Where-Object { $providers.ContainsKey($_.aaguid) -and $providers[$_.aaguid].name -ne $_.name })
        $renamed.Count | Should -BeGreaterOrEqual 5
        $built = @((Build $Sources).authenticators)
        foreach ($entry in $Curated) {
            $match = @($built | Where-Object aaguid -EQ $entry.aaguid)
            $match.Count | Should -Be 1
            $match[0].source | Should -Be 'curated'
            foreach ($property in 'name', 'vendor', 'passkeyType', 'providerKind', 'attestation', 'certification', 'residentKey', 'userVerification', 'minimumPlatform') {
                $match[0].$property | Should -Be $entry.$property -Because "$($entry.name) keeps its $property"
            }
        }
    }

    It 'accepts every AAGUID on Microsoft''s list and no other, with the list''s name and transports' {
        $listed = (Read-MicrosoftKeyList (Join-Path $Sources 'concept-fido2-hardware-vendor.md')).Keys
        $built = (Build $Sources).authenticators
        @($built | Where-Object attestation -EQ 'accepted').aaguid | Sort-Object | Should -Be ($listed.Aaguid | Sort-Object)
        $crescendo = $built | Where-Object aaguid -EQ 'aa79f476-ea00-417e-9628-1e8365123922'
        $crescendo.name | Should -Be 'HID Crescendo 4000 FIDO'
        $crescendo.vendor | Should -Be 'HID Global'
        $crescendo.transports | Should -Be @('nfc')
        $crescendo.source | Should -Be 'microsoft'
    }

    It 'stamps each source with its version or date' {
        $catalog = Build $Sources
        $catalog.sources[0].version | Should -Be 'MDS version 285'
        $catalog.sources[0].date | Should -Be '2026-10-06'
        $catalog.sources[0].commit | Should -Match '^[0-9a-f]{40}$'
        $catalog.sources[1].date | Should -Be '2026-08-07'
        $catalog.generated | Should -Be $Committed.generated
    }

    It 'takes a key Microsoft adds to its list, and accepts a provider-list AAGUID once Microsoft lists it' {
        $copy = Copy-Sources
        $page = Join-Path $copy 'concept-fido2-hardware-vendor.md'
        $lines = [System.Collections.Generic.List[string]] (Get-Content $page)
        $lines.Insert($lines.IndexOf('ZTPass SmartAuth|b415094c-49d3-4c8b-b3fe-7d0ad28a6bc4|&#10060;|&#x2705;|&#x2705;|&#10060;'),
            'Zoho Vault Key|b35a26b2-8f6e-4697-ab1d-d44db4da28c6|&#10060;|&#x2705;|&#10060;|&#10060;')
        Set-Content $page $lines
        $entry = (Build $copy).authenticators | Where-Object aaguid -EQ 'b35a26b2-8f6e-4697-ab1d-d44db4da28c6'
        $entry.name | Should -Be 'Zoho Vault Key'
        $entry.attestation | Should -Be 'accepted'
        $entry.passkeyType | Should -Be 'deviceBound'
    }

    It 'refuses a curated entry that contradicts Microsoft''s list' {
        $copy = Copy-Sources
        $curated = Get-Content (Join-Path $copy 'curated.json') -Raw | ConvertFrom-Json
        $curated.authenticators[0].aaguid = 'cb69481e-8ff7-4039-93ec-0a2729a154a8'
        $curated | ConvertTo-Json -Depth 5 | Set-Content (Join-Path $copy 'curated.json')
        { Build $copy } | Should -Throw "*cb69481e-8ff7-4039-93ec-0a2729a154a8*Microsoft's list accepts it*"
    }

    It 'refuses an empty provider list: its maintainers empty it when they retire it' {
        $copy = Copy-Sources
        Set-Content (Join-Path $copy 'aaguid.json') '{}'
        { Build $copy } | Should -Throw '*lists no passkey providers*retired*'
    }

    It 'refuses a table row whose AAGUID is malformed, naming the line' {
        $copy = Copy-Sources
        $page = Join-Path $copy 'concept-fido2-hardware-vendor.md'
        (Get-Content $page -Raw).Replace('|b415094c-49d3-4c8b-b3fe-7d0ad28a6bc4|', '|b415094c-49d3-4c8b-b3fe|') | Set-Content $page -NoNewline
        { Build $copy } | Should -Throw "*concept-fido2-hardware-vendor.md line *'b415094c-49d3-4c8b-b3fe' is not an AAGUID*"
    }

    It 'refuses a page without the table it reads' {
        $copy = Copy-Sources
        $page = Join-Path $copy 'concept-fido2-hardware-vendor.md'
        (Get-Content $page -Raw).Replace('Description|AAGUID|Bio|USB|NFC|BLE', 'Description|AAGUID|USB|NFC|BLE') | Set-Content $page -NoNewline
        { Build $copy } | Should -Throw "*has no table headed 'Description|AAGUID|Bio|USB|NFC|BLE'*"
    }
}

Describe 'Update-AuthenticatorCatalog' {
    It 'writes the catalog and returns its counts' {
        $path = Join-Path $TestDrive 'authenticators.json'
        $counts = Update-AuthenticatorCatalog -SourceDirectory $Sources -CatalogPath $path -Generated ([datetime] $Committed.generated)
        $counts.Total | Should -Be $Committed.authenticators.Count
        $counts.Accepted | Should -Be 265
        $counts.Synced + $counts.DeviceBound | Should -Be $counts.Total
        (Get-Content $path -Raw) | Should -BeExactly (Get-Content (Join-Path $CatalogFolder 'authenticators.json') -Raw)
    }
}
