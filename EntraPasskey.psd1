@{
    RootModule             = 'EntraPasskey.dll'
    # Stamped by build.ps1 from Directory.Build.props (the one version source).
    ModuleVersion          = '0.1.0'
    CompatiblePSEditions   = @('Desktop', 'Core')
    GUID                   = '5d0f1f5e-7c2b-4f0e-9a57-3f2a8c6b1e44'
    Author                 = 'EntraPasskey contributors'
    CompanyName            = 'EntraPasskey contributors'
    Copyright              = '(c) EntraPasskey contributors. MIT License.'
    Description            = 'Tells an Entra ID help desk why a user cannot add a passkey in Security info: which of seven layers broke, whose queue owns it and how to fix it. For one user or a whole tenant through the pipeline.'
    PowerShellVersion      = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess       = @('EntraPasskey.Format.ps1xml')
    CmdletsToExport        = @(
        'Connect-EntraPasskey'
        'Disconnect-EntraPasskey'
        'Get-EntraPasskeyContext'
        'New-PasskeyBootstrapTap'
        'Get-PasskeyAuthenticator'
        'Test-EntraPasskey'
        'Test-EntraPasskeySignIn'
        'Get-PasskeyRegistrationFailures'
        'Remove-EntraPasskey'
        'Test-PasskeyPolicyDesign'
    )
    FunctionsToExport      = @()
    VariablesToExport      = @()
    AliasesToExport        = @()
    PrivateData            = @{
        PSData = @{
            Tags         = @('Entra', 'EntraID', 'AzureAD', 'Passkey', 'FIDO2', 'TAP', 'HelpDesk', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = 'Diagnoses all seven layers of passkey registration (Test-EntraPasskey), issues Temporary Access Passes safely (New-PasskeyBootstrapTap), removes lost or stolen passkeys and revokes sessions (Remove-EntraPasskey), tells whether users can sign in with the passkeys they have (Test-EntraPasskeySignIn), reports failed registrations from the audit log (Get-PasskeyRegistrationFailures), audits the tenant against the passkey prevention design with an HTML report (Test-PasskeyPolicyDesign) and looks up authenticators by AAGUID (Get-PasskeyAuthenticator).'
        }
    }
}
