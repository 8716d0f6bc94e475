# Test-only FIDO MDS3 BLOBs: a throw-away certificate authority made in memory for each test run signs them the way
# the FIDO Alliance does (compact JWS, RS256, x5c chain). No key is written to disk or committed; only the public
# root certificate and the signed BLOB go to the test's drive. Generating RSA keys is slow, so the keys are made once
# per session and the certificates per call: every authority has the same root key unless it is -AnotherRoot.

$script:Keys = @{}
function Get-TestKey([string] $Name) {
    if (-not $script:Keys.ContainsKey($Name)) { $script:Keys[$Name] = [System.Security.Cryptography.RSA]::Create(2048) }
    $script:Keys[$Name]
}

function New-TestMetadataPki {
    param([string] $SignerName = 'mds.test.example', [switch] $Expired, [switch] $AnotherRoot)
    $now = [DateTimeOffset]::UtcNow
    $sha256 = [System.Security.Cryptography.HashAlgorithmName]::SHA256
    $pkcs1 = [System.Security.Cryptography.RSASignaturePadding]::Pkcs1
    $rootKey = Get-TestKey $(if ($AnotherRoot) { 'another root' } else { 'root' })
    $rootRequest = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=EntraPasskey Pester Metadata Root', $rootKey, $sha256, $pkcs1)
    $rootRequest.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension]::new($true, $false, 0, $true))
    $root = $rootRequest.CreateSelfSigned($now.AddDays(-400), $now.AddYears(5))
    $signerKey = Get-TestKey 'signer'
    $signerRequest = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new("CN=$SignerName", $signerKey, $sha256, $pkcs1)
    $notBefore = if ($Expired) { $now.AddDays(-60) } else { $now.AddDays(-1) }
    $notAfter = if ($Expired) { $now.AddDays(-1) } else { $now.AddYears(1) }
    $signer = $signerRequest.Create($root, $notBefore, $notAfter, [byte[]] (1..8))
    [pscustomobject]@{ Root = $root; Signer = $signer; Key = $signerKey }
}

function ConvertTo-Base64Url([byte[]] $Bytes) {
    [Convert]::ToBase64String($Bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_')
}

function New-TestMetadataBlob {
    # The compact JWS of $Payload, signed by the PKI's signer, with x5c = signer, root.
    param([Parameter(Mandatory)] $Pki, [Parameter(Mandatory)] $Payload)
    $header = [ordered]@{ alg = 'RS256'; typ = 'JWT'; x5c = @([Convert]::ToBase64String($Pki.Signer.RawData), [Convert]::ToBase64String($Pki.Root.RawData)) }
    $encodedHeader = ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes(($header | ConvertTo-Json -Compress)))
    $encodedPayload = ConvertTo-Base64Url ([Text.Encoding]::UTF8.GetBytes(($Payload | ConvertTo-Json -Depth 10 -Compress)))
    $signature = $Pki.Key.SignData([Text.Encoding]::ASCII.GetBytes("$encodedHeader.$encodedPayload"),
        [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    "$encodedHeader.$encodedPayload.$(ConvertTo-Base64Url $signature)"
}

function ConvertTo-Pem([System.Security.Cryptography.X509Certificates.X509Certificate2] $Certificate) {
    "-----BEGIN CERTIFICATE-----`n$([Convert]::ToBase64String($Certificate.RawData, 'InsertLineBreaks'))`n-----END CERTIFICATE-----`n"
}

function New-TestMetadataPayload {
    # An MDS3-shaped payload: each AAGUID as a FIDO2-certified security key, plus a UAF entry without an AAGUID.
    param([Parameter(Mandatory)] [hashtable] $Keys, [string] $NextUpdate = '2099-01-01')
    $entries = foreach ($aaguid in $Keys.Keys) {
        [ordered]@{
            aaguid            = $aaguid
            metadataStatement = [ordered]@{
                description          = $Keys[$aaguid]
                protocolFamily       = 'fido2'
                attestationTypes     = @('basic_full')
                attachmentHint       = @('external', 'wired')
                authenticatorGetInfo = [ordered]@{ versions = @('FIDO_2_0'); options = [ordered]@{ rk = $true; up = $true; clientPin = $true }; transports = @('usb') }
            }
            statusReports     = @([ordered]@{ status = 'FIDO_CERTIFIED_L1'; effectiveDate = '2024-01-01' })
        }
    }
    [ordered]@{
        legalHeader = 'Test data made by the EntraPasskey Pester suite.'
        no          = 7
        nextUpdate  = $NextUpdate
        entries     = @($entries) + @([ordered]@{ aaid = '4e4e#4005'; metadataStatement = [ordered]@{ description = 'A UAF authenticator'; protocolFamily = 'uaf' } })
    }
}

Export-ModuleMember -Function New-TestMetadataPki, New-TestMetadataBlob, ConvertTo-Pem, New-TestMetadataPayload, ConvertTo-Base64Url
