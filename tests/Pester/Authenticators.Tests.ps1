BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'MetadataBlobs.psm1') -Force
    $script:ICloud = 'fbfc3007-154e-4ecc-8c0b-6e020557d7bd'
    $script:YubiKeyNfc = 'a25342c0-3cdc-4414-8e46-f4807fca511c'
    $script:Unknown = '12345678-1234-4321-8765-1234567890ab'
    $script:TestKey = '11111111-2222-4333-8444-555555555555'

    function script:ErrorIdOf([scriptblock] $Script) {
        try { & $Script | Out-Null; 'no error' } catch { $_.FullyQualifiedErrorId }
    }
}

Describe 'Get-PasskeyAuthenticator over the built-in catalog' {
    It 'names the authenticator behind an AAGUID' {
        $result = Get-PasskeyAuthenticator -Aaguid $ICloud
        $result | Should -BeOfType ([EntraPasskey.PasskeyAuthenticator])
        $result.Name | Should -Be 'iCloud Keychain (Apple Passwords)'
        $result.Vendor | Should -Be 'Apple'
        $result.PasskeyType | Should -Be 'Synced'
        $result.ProviderKind | Should -Be 'Platform'
        $result.AttestationCapable | Should -BeFalse
        $result.Source | Should -Be 'BuiltIn'
    }

    It 'takes the AAGUID positionally and from the pipeline, in input order' {
        (Get-PasskeyAuthenticator $YubiKeyNfc).Name | Should -Be 'YubiKey 5 Series with NFC'
        $names = $YubiKeyNfc, $ICloud, 'de1e552d-db1d-4423-a619-566b625cdc84' | Get-PasskeyAuthenticator | ForEach-Object Name
        $names | Should -Be @('YubiKey 5 Series with NFC', 'iCloud Keychain (Apple Passwords)', 'Microsoft Authenticator for Android')
    }

    It 'binds the AaGuid property of Graph passkey objects by property name' {
        $methods = [pscustomobject]@{ Id = 'a'; AaGuid = $YubiKeyNfc; Model = 'YubiKey 5 NFC' }, [pscustomobject]@{ Id = 'b'; AaGuid = $ICloud }
        ($methods | Get-PasskeyAuthenticator).Vendor | Should -Be @('Yubico', 'Apple')
    }

    It 'lists every AAGUID of a model by name with wildcards' {
        $aaguids = (Get-PasskeyAuthenticator -Name 'YubiKey 5 Series with NFC').Aaguid.Guid
        foreach ($expected in '2fc0579f-8113-47ea-b116-bb5a8db9202a', 'a25342c0-3cdc-4414-8e46-f4807fca511c', 'd7781e5d-e353-46aa-afe2-3ca49f13332a', 'fa2b99dc-9e39-4257-8f92-4a30d23c4118') {
            $aaguids | Should -Contain $expected
        }
        (Get-PasskeyAuthenticator -Name '*yubikey 5 fips*').Count | Should -BeGreaterThan 5
    }

    It 'lists the whole catalog by name without parameters' {
        $all = Get-PasskeyAuthenticator
        $all.Count | Should -BeGreaterThan 100
        $sorted = [string[]] $all.Name
        [Array]::Sort($sorted, [StringComparer]::OrdinalIgnoreCase)
        $all.Name | Should -Be $sorted
    }

    It 'answers one result or one AuthenticatorNotFound error per AAGUID, in order' {
        $results = $YubiKeyNfc, $Unknown, $ICloud | Get-PasskeyAuthenticator -ErrorVariable errors -ErrorAction SilentlyContinue
        $results.Count | Should -Be 2
        $errors.Count | Should -Be 1
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticatorNotFound,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
        $errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $errors[0].TargetObject | Should -Be ([guid] $Unknown)
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'MetadataPath'
    }

    It 'reports a plain -Name that matches nothing, but not an empty pattern' {
        Get-PasskeyAuthenticator -Name 'No Such Key' -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticatorNotFound,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
        Get-PasskeyAuthenticator -Name 'No Such*' -ErrorVariable none -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $none.Count | Should -Be 0
    }

    It 'lists what several names match and reports only the plain name that matches nothing' {
        $results = Get-PasskeyAuthenticator -Name 'No Such Key', 'YubiKey 5 Series with NFC', 'No Such*' -ErrorVariable errors -ErrorAction SilentlyContinue
        $results.Count | Should -Be 4
        $results.Name | Select-Object -Unique | Should -Be 'YubiKey 5 Series with NFC'
        $errors.Count | Should -Be 1
        $errors[0].TargetObject | Should -Be 'No Such Key'
        $errors[0].Exception.Message | Should -Be "No authenticator is named 'No Such Key'."
    }

    It 'needs no Graph connection' {
        $result = Invoke-FreshPwsh -Script @"
Import-Module '$env:ENTRAPASSKEY_MODULE'
`$r = Get-PasskeyAuthenticator -Aaguid $YubiKeyNfc
'RESULT ' + (@{ Name = `$r.Name; Connected = [bool] (Get-EntraPasskeyContext) } | ConvertTo-Json -Compress)
"@
        $result.Name | Should -Be 'YubiKey 5 Series with NFC'
        $result.Connected | Should -BeFalse
    }

    It 'shows a table with the columns a help desk needs' {
        $text = Get-PasskeyAuthenticator -Aaguid $ICloud | Out-String -Width 220
        $text | Should -Match 'Aaguid\s+Name\s+Vendor\s+PasskeyType\s+ProviderKind\s+Attestation\s+Certification\s+Source'
        $text | Should -Match 'iCloud Keychain \(Apple Passwords\)\s+Apple\s+Synced\s+Platform\s+NotAccepted'
    }

    It 'has complete help: synopsis, every parameter, examples and the permissions it needs' {
        $help = Get-Help Get-PasskeyAuthenticator -Full
        $help.Synopsis | Should -Not -Match '^\s*Get-PasskeyAuthenticator'
        $documented = $help.parameters.parameter | Where-Object { $_.description.Text } | ForEach-Object name
        foreach ($parameter in (Get-Command Get-PasskeyAuthenticator).Parameters.Keys | Where-Object { $_ -notin [System.Management.Automation.PSCmdlet]::CommonParameters }) {
            $documented | Should -Contain $parameter
        }
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        ($help.alertSet.alert.Text -join ' ') | Should -Match 'Required permissions: none'
    }
}

Describe 'Get-PasskeyAuthenticator -MetadataPath' {
    BeforeAll {
        $script:Pki = New-TestMetadataPki
        $script:RootPath = Join-Path $TestDrive 'root.pem'
        Set-Content -Path $RootPath -Value (ConvertTo-Pem $Pki.Root) -NoNewline
        $script:BlobPath = Join-Path $TestDrive 'blob.jwt'
        $payload = New-TestMetadataPayload -Keys @{ $YubiKeyNfc = 'YubiKey 5 Series with NFC (FIDO metadata)'; $TestKey = 'Contoso Test Key' }
        Set-Content -Path $BlobPath -Value (New-TestMetadataBlob -Pki $Pki -Payload $payload) -NoNewline
    }

    It 'lays a verified BLOB over the built-in catalog' {
        $results = $YubiKeyNfc, $TestKey, $ICloud | Get-PasskeyAuthenticator -MetadataPath $BlobPath -RootCertificatePath $RootPath
        $results.Name | Should -Be @('YubiKey 5 Series with NFC', 'Contoso Test Key', 'iCloud Keychain (Apple Passwords)')
        $results.Source | Should -Be @('MDS3', 'MDS3', 'BuiltIn')
        $results[0].Vendor | Should -Be 'Yubico'
        $results[0].Certification | Should -Be 'FIDO_CERTIFIED_L1'
        $results[1].AttestationCapable | Should -BeTrue
    }

    It 'lists the entries the BLOB adds' {
        (Get-PasskeyAuthenticator -Name 'Contoso*' -MetadataPath $BlobPath -RootCertificatePath $RootPath).Aaguid | Should -Be ([guid] $TestKey)
    }

    It 'refuses a BLOB whose payload was altered: MetadataSignatureInvalid' {
        $parts = (Get-Content $BlobPath -Raw).Split('.')
        $forged = ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes('{"no":8,"entries":[]}'))
        $path = Join-Path $TestDrive 'tampered.jwt'
        Set-Content -Path $path -Value "$($parts[0]).$forged.$($parts[2])" -NoNewline
        try { Get-PasskeyAuthenticator -MetadataPath $path -RootCertificatePath $RootPath; throw 'no error' }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'MetadataSignatureInvalid,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
            $_.CategoryInfo.Category | Should -Be 'SecurityError'
        }
    }

    It 'refuses a BLOB under another root: MetadataChainUntrusted' {
        $other = New-TestMetadataPki -AnotherRoot
        $otherRoot = Join-Path $TestDrive 'other-root.pem'
        Set-Content -Path $otherRoot -Value (ConvertTo-Pem $other.Root) -NoNewline
        ErrorIdOf { Get-PasskeyAuthenticator -MetadataPath $BlobPath -RootCertificatePath $otherRoot } |
            Should -Be 'MetadataChainUntrusted,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }

    It 'refuses a test BLOB against the FIDO Alliance roots it does not chain to' {
        ErrorIdOf { Get-PasskeyAuthenticator -MetadataPath $BlobPath } |
            Should -Be 'MetadataChainUntrusted,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }

    It 'refuses a BLOB signed with an expired certificate: MetadataChainUntrusted' {
        $expired = New-TestMetadataPki -Expired
        $root = Join-Path $TestDrive 'expired-root.pem'
        $blob = Join-Path $TestDrive 'expired.jwt'
        Set-Content -Path $root -Value (ConvertTo-Pem $expired.Root) -NoNewline
        Set-Content -Path $blob -Value (New-TestMetadataBlob -Pki $expired -Payload (New-TestMetadataPayload -Keys @{ $TestKey = 'Contoso Test Key' })) -NoNewline
        try { Get-PasskeyAuthenticator -MetadataPath $blob -RootCertificatePath $root; throw 'no error' }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'MetadataChainUntrusted,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
            $_.Exception.Message | Should -Match 'is not valid on'
        }
    }

    It 'refuses a file that is not a JWT: MetadataMalformed' {
        $path = Join-Path $TestDrive 'not-a-blob.jwt'
        Set-Content -Path $path -Value 'this is not a metadata blob'
        ErrorIdOf { Get-PasskeyAuthenticator -MetadataPath $path -RootCertificatePath $RootPath } |
            Should -Be 'MetadataMalformed,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }

    It 'reports a missing BLOB file: MetadataFileNotFound' {
        ErrorIdOf { Get-PasskeyAuthenticator -MetadataPath (Join-Path $TestDrive 'missing.jwt') } |
            Should -Be 'MetadataFileNotFound,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }

    It 'reports an unreadable root certificate: MetadataRootCertificateInvalid' {
        $path = Join-Path $TestDrive 'bad-root.pem'
        Set-Content -Path $path -Value 'not a certificate'
        ErrorIdOf { Get-PasskeyAuthenticator -MetadataPath $BlobPath -RootCertificatePath $path } |
            Should -Be 'MetadataRootCertificateInvalid,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }

    It 'wants -MetadataPath with -RootCertificatePath' {
        ErrorIdOf { Get-PasskeyAuthenticator -RootCertificatePath $RootPath } |
            Should -Be 'RootCertificateWithoutMetadata,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }

    It 'notes which BLOB it verified, and does not warn about a current one' {
        $output = Get-PasskeyAuthenticator -Aaguid $TestKey -MetadataPath $BlobPath -RootCertificatePath $RootPath -Verbose -WarningVariable warnings 4>&1
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message |
            Should -Contain 'Verified metadata BLOB 7: 2 FIDO2 authenticators, 1 other entries skipped.'
        ($output | Where-Object { $_ -is [EntraPasskey.PasskeyAuthenticator] }).Name | Should -Be 'Contoso Test Key'
        $warnings.Count | Should -Be 0
    }

    It 'says an AAGUID missing from the BLOB too is a question for the vendor' {
        Get-PasskeyAuthenticator -Aaguid $Unknown -MetadataPath $BlobPath -RootCertificatePath $RootPath -ErrorVariable errors -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        $errors[0].FullyQualifiedErrorId | Should -Be 'AuthenticatorNotFound,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
        $errors[0].Exception.Message | Should -Be "AAGUID $Unknown is not in the built-in catalog or the metadata BLOB."
        $errors[0].ErrorDetails.RecommendedAction | Should -Match 'software providers are not in FIDO metadata'
    }

    It 'warns when the BLOB is past its next update' {
        $stale = Join-Path $TestDrive 'stale.jwt'
        Set-Content -Path $stale -Value (New-TestMetadataBlob -Pki $Pki -Payload (New-TestMetadataPayload -Keys @{ $TestKey = 'Contoso Test Key' } -NextUpdate '2020-01-01')) -NoNewline
        $result = Get-PasskeyAuthenticator -Aaguid $TestKey -MetadataPath $stale -RootCertificatePath $RootPath -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Name | Should -Be 'Contoso Test Key'
        $warnings[0] | Should -Match 'was due to be replaced on 2020-01-01'
    }
}

Describe 'How old the built-in catalog is' {
    BeforeAll {
        $script:Catalog = Get-Content (Join-Path $PSScriptRoot '../../src/EntraPasskey.Engine/Catalog/authenticators.json') -Raw | ConvertFrom-Json
    }

    It 'says with -Verbose when the catalog was generated, how many days ago, and from which list versions' {
        $verbose = @(Get-PasskeyAuthenticator -Aaguid $ICloud -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose.Count | Should -Be 1
        $age = ([DateTime]::UtcNow.Date - [DateTime]::ParseExact($Catalog.generated, 'yyyy-MM-dd', $null)).Days
        $ago = if ($age -eq 0) { 'today' } elseif ($age -eq 1) { '1 day ago' } else { "$age days ago" }
        $verbose[0].Message | Should -BeLike "Built-in catalog: $($Catalog.authenticators.Count) authenticators, generated $($Catalog.generated) ($ago) from *"
        $verbose[0].Message | Should -Match ([regex]::Escape("($($Catalog.sources[0].version), dated $($Catalog.sources[0].date))"))
    }

    It 'says in the help when the catalog was generated and from which version of Microsoft''s list' {
        $description = (Get-Help Get-PasskeyAuthenticator -Full).description.Text -join ' '
        $description | Should -Match ([regex]::Escape("generated on $($Catalog.generated)"))
        $description | Should -Match ([regex]::Escape($Catalog.sources[0].version))
        $description | Should -Match ([regex]::Escape("dated $($Catalog.sources[0].date)"))
    }
}

Describe 'Get-PasskeyAuthenticator -VerifyAsOfBlobDate' {
    BeforeAll {
        $script:Expired = New-TestMetadataPki -Expired
        $script:ExpiredRoot = Join-Path $TestDrive 'expired-root.pem'
        Set-Content -Path $ExpiredRoot -Value (ConvertTo-Pem $Expired.Root) -NoNewline
        $script:BlobDate = [DateTime]::UtcNow.Date.AddDays(-10).ToString('yyyy-MM-dd')
        $script:Archived = Join-Path $TestDrive 'archived.jwt'
        $payload = New-TestMetadataPayload -Keys @{ $TestKey = 'Contoso Test Key' } -NextUpdate $BlobDate
        Set-Content -Path $Archived -Value (New-TestMetadataBlob -Pki $Expired -Payload $payload) -NoNewline
    }

    It 'refuses an archived BLOB by default and says how to read it' {
        try { Get-PasskeyAuthenticator -MetadataPath $Archived -RootCertificatePath $ExpiredRoot; throw 'no error' }
        catch {
            $_.FullyQualifiedErrorId | Should -Be 'MetadataChainUntrusted,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
            $_.ErrorDetails.RecommendedAction | Should -Match '-VerifyAsOfBlobDate'
        }
    }

    It 'reads it as of its nextUpdate date, with a warning that says how stale it is' {
        $result = Get-PasskeyAuthenticator -Aaguid $TestKey -MetadataPath $Archived -RootCertificatePath $ExpiredRoot -VerifyAsOfBlobDate -WarningVariable warnings -WarningAction SilentlyContinue
        $result.Name | Should -Be 'Contoso Test Key'
        $result.Source | Should -Be 'MDS3'
        $warnings.Count | Should -Be 1
        $warnings[0] | Should -Match "^The metadata BLOB was verified as of $BlobDate, the date it was due to be replaced, not today \(-VerifyAsOfBlobDate\): .* are 10 days old\."
    }

    It 'wants -MetadataPath with -VerifyAsOfBlobDate' {
        ErrorIdOf { Get-PasskeyAuthenticator -VerifyAsOfBlobDate } |
            Should -Be 'VerifyAsOfBlobDateWithoutMetadata,EntraPasskey.Commands.GetPasskeyAuthenticatorCommand'
    }
}

# A real FIDO MDS3 BLOB cannot be committed; point ENTRAPASSKEY_MDS_BLOB at one to run these (README: "The
# authenticator catalog"). Written for an archived BLOB (webauthn4j's test resources: BLOB 9, nextUpdate 2021-12-01,
# signed by mds.fidoalliance.org through GlobalSign Root CA - R3, signer expired 2022-05-14).
Describe 'A real FIDO MDS3 BLOB' {
    BeforeAll {
        $script:Real = $env:ENTRAPASSKEY_MDS_BLOB
        $script:Aaguids = 'cb69481e-8ff7-4039-93ec-0a2729a154a8', '931327dd-c89b-406c-a81e-ed7058ef36c6', '08987058-cadc-4b81-b6e1-30de50dcbe96', '9ddd1817-af5a-4672-a2b9-3e3dd95000a9'
    }

    BeforeEach {
        if (-not $Real) { Set-ItResult -Skipped -Because 'ENTRAPASSKEY_MDS_BLOB names no real MDS3 BLOB (fetched BLOBs are not committed)' }
    }

    It 'verifies against the built-in FIDO roots as of its own date' {
        $output = $Aaguids | Get-PasskeyAuthenticator -MetadataPath $Real -VerifyAsOfBlobDate -Verbose -WarningVariable warnings -WarningAction SilentlyContinue 4>&1
        ($output | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message | Should -Contain 'Verified metadata BLOB 9: 46 FIDO2 authenticators, 52 other entries skipped.'
        $warnings[0] | Should -Match '^The metadata BLOB was verified as of 2021-12-01'
    }

    It 'is refused by default: its signing certificate expired in 2022' {
        try { Get-PasskeyAuthenticator -MetadataPath $Real; throw 'no error' }
        catch { $_.Exception.Message | Should -Match 'mds\.fidoalliance\.org.*valid 2021-04-12 to 2022-05-14' }
    }

    It 'keeps what Microsoft documents: names, Windows Hello not accepted, Swissbit accepted and certified' {
        $results = $Aaguids | Get-PasskeyAuthenticator -MetadataPath $Real -VerifyAsOfBlobDate -WarningAction SilentlyContinue
        $results.Name | Should -Be @('YubiKey 5 Series', 'Swissbit iShield Key FIDO2', 'Windows Hello Hardware Authenticator (TPM)', 'Windows Hello VBS Hardware Authenticator')
        $results.Attestation | Should -Be @('Accepted', 'Accepted', 'NotAccepted', 'NotAccepted')
        $results.Certification | Should -Be @('FIDO_CERTIFIED_L1', 'FIDO_CERTIFIED', 'FIDO_CERTIFIED_L1', 'FIDO_CERTIFIED_L1')
        $results.Source | Select-Object -Unique | Should -Be 'MDS3'
    }
}
