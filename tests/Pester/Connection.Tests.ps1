BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    $script:Tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:App = $Tenant.apps | Where-Object clientSecret | Select-Object -First 1
    $script:Adele = ($Tenant.users | Where-Object displayName -EQ 'Adele Vance').userPrincipalName
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Connect-EntraPasskey -AccessToken' {
    BeforeAll {
        $script:Token = New-SimulatorToken -Simulator $Sim -Roles 'User.Read.All', 'Policy.Read.All'
        $script:Context = Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $Token -AsPlainText -Force) -GraphEndpoint $Sim.Graph
    }

    It 'returns the context read from the token' {
        $Context | Should -BeOfType ([EntraPasskey.EntraPasskeyContext])
        $Context.TenantId | Should -Be $Sim.TenantId
        $Context.AuthType | Should -Be 'AppOnly'
        $Context.Account | Should -Be $App.displayName -Because 'the app''s name is known (the token''s app_displayname), so its GUID stays in ClientId'
        $Context.ClientId | Should -Be $App.clientId
        $Context.ConnectionMode | Should -Be 'AccessToken'
        $Context.GraphEndpoint.AbsoluteUri | Should -Be "$($Sim.Graph)/"
        $Context.Scopes | Should -Be @('Policy.Read.All', 'User.Read.All')
        $Context.TokenExpiresOn | Should -BeGreaterThan ([DateTimeOffset]::UtcNow)
    }

    It 'is what Get-EntraPasskeyContext returns afterwards' {
        (Get-EntraPasskeyContext).TenantId | Should -Be $Sim.TenantId
    }

    It 'never shows the token, in any rendering' {
        $renderings = @(
            (Get-EntraPasskeyContext | Out-String),
            (Get-EntraPasskeyContext | Format-List * | Out-String),
            (Get-EntraPasskeyContext | ConvertTo-Json -Depth 5),
            (Get-EntraPasskeyContext).ToString()
        )
        foreach ($text in $renderings) { $text | Should -Not -Match ([regex]::Escape($Token.Substring(0, 40))) }
        (Get-EntraPasskeyContext).PSObject.Properties.Name | Should -Not -Contain 'AccessToken'
    }

    It 'drops the connection on Disconnect-EntraPasskey' {
        Disconnect-EntraPasskey
        Get-EntraPasskeyContext -WarningAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'says so with a warning, not silence, when not connected' {
        Disconnect-EntraPasskey
        $context = Get-EntraPasskeyContext -WarningVariable warned -WarningAction SilentlyContinue
        $context | Should -BeNullOrEmpty
        @($warned).Count | Should -Be 1
        "$($warned[0])" | Should -Match '^Not connected: .*Run Connect-EntraPasskey'
    }
}

Describe 'Connect-EntraPasskey -Environment' {
    AfterEach { Disconnect-EntraPasskey }

    It 'points <Environment> at <Root>' -TestCases @(
        @{ Environment = 'Global'; Root = 'https://graph.microsoft.com/' }
        @{ Environment = 'USGov'; Root = 'https://graph.microsoft.us/' }
        @{ Environment = 'USGovDoD'; Root = 'https://dod-graph.microsoft.us/' }
        @{ Environment = 'China'; Root = 'https://microsoftgraph.chinacloudapi.cn/' }
    ) {
        param($Environment, $Root)
        $token = ConvertTo-SecureString (New-SimulatorToken -Simulator $Sim) -AsPlainText -Force
        $context = Connect-EntraPasskey -AccessToken $token -Environment $Environment
        $context.GraphEndpoint.AbsoluteUri | Should -Be $Root
        $context.Environment | Should -Be $Environment
    }

    It 'refuses a plain-http endpoint that is not loopback' {
        $token = ConvertTo-SecureString (New-SimulatorToken -Simulator $Sim) -AsPlainText -Force
        { Connect-EntraPasskey -AccessToken $token -GraphEndpoint 'http://graph.example.test' -ErrorAction Stop } |
            Should -Throw -ErrorId 'GraphEndpointInsecure,EntraPasskey.Commands.ConnectEntraPasskeyCommand'
    }
}

Describe 'Connect-EntraPasskey with an Azure.Identity client secret credential' {
    # The simulator's token endpoint is https with a self-signed certificate; a fresh process trusts it through
    # SSL_CERT_FILE, as a proxy's certificate would be trusted in a real deployment.
    It 'signs in against the token endpoint and diagnoses a user' {
        $script = @"
`$ErrorActionPreference = 'Stop'
Import-Module '$env:ENTRAPASSKEY_MODULE'
`$secret = ConvertTo-SecureString '$($App.clientSecret)' -AsPlainText -Force
`$context = Connect-EntraPasskey -TenantId '$($Sim.TenantId)' -ClientId '$($App.clientId)' -ClientSecret `$secret -AuthorityHost '$($Sim.Authority)' -GraphEndpoint '$($Sim.Graph)'
`$diagnosis = Test-EntraPasskey -UserId '$Adele'
'RESULT ' + (@{ Mode = "`$(`$context.ConnectionMode)"; AuthType = `$context.AuthType; Scopes = `$context.Scopes; Verdict = "`$(`$diagnosis.Verdict)" } | ConvertTo-Json -Compress)
"@
        $result = Invoke-FreshPwsh -Script $script -Environment @{ SSL_CERT_FILE = $Sim.Certificate }
        $result.Mode | Should -Be 'ClientSecret'
        $result.AuthType | Should -Be 'AppOnly'
        $result.Scopes | Should -Contain 'UserAuthenticationMethod.Read.All'
        $result.Verdict | Should -Be 'Ready'
    }

    It 'fails with AuthenticationFailed on a wrong secret' {
        $script = @"
Import-Module '$env:ENTRAPASSKEY_MODULE'
`$secret = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
try { Connect-EntraPasskey -TenantId '$($Sim.TenantId)' -ClientId '$($App.clientId)' -ClientSecret `$secret -AuthorityHost '$($Sim.Authority)' -GraphEndpoint '$($Sim.Graph)' -ErrorAction Stop; 'RESULT {"ErrorId":"none"}' }
catch { 'RESULT ' + (@{ ErrorId = `$_.FullyQualifiedErrorId; Category = "`$(`$_.CategoryInfo.Category)"; Message = `$_.Exception.Message; Action = `$_.ErrorDetails.RecommendedAction } | ConvertTo-Json -Compress) }
"@
        $result = Invoke-FreshPwsh -Script $script -Environment @{ SSL_CERT_FILE = $Sim.Certificate }
        $result.ErrorId | Should -Be 'AuthenticationFailed,EntraPasskey.Commands.ConnectEntraPasskeyCommand'
        $result.Category | Should -Be 'AuthenticationError'
        $result.Message | Should -Match '^Signing in to Microsoft Entra ID failed: ClientSecretCredential authentication failed'
        $result.Message | Should -Not -Match 'not-the-secret'
        $result.Action | Should -Match "the secret's value, not its id"
    }

    It 'refuses a tenant id Azure.Identity cannot use with ConnectionParameterInvalid, before any request' {
        $secret = ConvertTo-SecureString 'not-the-secret' -AsPlainText -Force
        $failure = { Connect-EntraPasskey -TenantId 'contoso tenant' -ClientId $App.clientId -ClientSecret $secret -AuthorityHost $Sim.Authority -GraphEndpoint $Sim.Graph -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConnectionParameterInvalid,EntraPasskey.Commands.ConnectEntraPasskeyCommand' -PassThru
        $failure.CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failure.Exception.Message | Should -Match '^The sign-in settings are not valid: Invalid tenant id provided'
        $failure.ErrorDetails.RecommendedAction | Should -Match '-TenantId'
        "$($failure.Exception.Message) $($failure.ErrorDetails.RecommendedAction)" | Should -Not -Match 'not-the-secret'
    }
}

Describe 'Reusing a Microsoft Graph PowerShell connection' {
    BeforeAll {
        Disconnect-EntraPasskey
        $script:MgToken = New-SimulatorToken -Simulator $Sim
        $script:MgProbe = [System.Collections.Generic.List[string]]::new()
        # Stand-ins for the Graph PowerShell SDK: a connected context, and Invoke-MgGraphRequest answering the way
        # the SDK does with -OutputType HttpResponseMessage.
        function global:Get-MgContext { [pscustomobject]@{ TenantId = $Sim.TenantId; ClientId = 'mg-client'; Environment = 'Global'; Account = 'admin@contoso.com' } }
        function global:Invoke-MgGraphRequest {
            param($Method, $Uri, $OutputType, [switch] $SkipHttpErrorCheck)
            $MgProbe.Add($Uri)
            $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$($Sim.Graph)/$Uri")
            $request.Headers.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $MgToken)
            $response = [System.Net.Http.HttpResponseMessage]::new([System.Net.HttpStatusCode]::OK)
            $response.RequestMessage = $request
            $response
        }
    }

    AfterAll {
        Remove-Item -Path 'Function:\Get-MgContext', 'Function:\Invoke-MgGraphRequest' -Force
    }

    It 'diagnoses with the borrowed token when Connect-EntraPasskey was not run' {
        $diagnosis = Test-EntraPasskey -UserId $Adele
        $diagnosis.Verdict | Should -Be 'Ready'
        $MgProbe | Should -Contain 'v1.0/organization?$select=id'
    }

    It 'reports the borrowed connection in Get-EntraPasskeyContext' {
        $context = Get-EntraPasskeyContext
        $context.ConnectionMode | Should -Be 'GraphPowerShell'
        $context.GraphEndpoint.AbsoluteUri | Should -Be "$($Sim.Graph)/"
    }

    It 'keeps the borrowed token out of every stream and the host, even with debug and verbose on for the session' {
        if (-not ('EntraPasskeyTests.ScriptedHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'ScriptedHost.cs') }
        $scripted = [EntraPasskeyTests.ScriptedHost]::new('Yes')
        $runspace = [runspacefactory]::CreateRunspace($scripted)
        $runspace.Open()
        $shell = [powershell]::Create()
        $shell.Runspace = $runspace
        try {
            $null = $shell.AddScript({
                param($Module, $Token, $Graph, $TenantId, $Upn)
                Import-Module $Module
                $global:DebugPreference = 'Continue'
                $global:VerbosePreference = 'Continue'
                function global:Get-MgContext { [pscustomobject]@{ TenantId = $TenantId; ClientId = 'mg-client'; Environment = 'Global' } }
                function global:Invoke-MgGraphRequest {
                    # Traces its request headers, as an HTTP client's debug output can.
                    [CmdletBinding()]
                    param($Method, $Uri, $OutputType, [switch] $SkipHttpErrorCheck)
                    Write-Debug "Authorization: Bearer $Token"
                    Write-Verbose "Authorization: Bearer $Token"
                    $request = [System.Net.Http.HttpRequestMessage]::new([System.Net.Http.HttpMethod]::Get, "$Graph/$Uri")
                    $request.Headers.Authorization = [System.Net.Http.Headers.AuthenticationHeaderValue]::new('Bearer', $Token)
                    $response = [System.Net.Http.HttpResponseMessage]::new([System.Net.HttpStatusCode]::OK)
                    $response.RequestMessage = $request
                    $response
                }
                Write-Debug 'The session writes debug records.'
                Test-EntraPasskey -UserId $Upn | Format-List * | Out-Default
                Get-EntraPasskeyContext | Format-List * | Out-Default
            }).AddArgument($env:ENTRAPASSKEY_MODULE).AddArgument($MgToken).AddArgument($Sim.Graph).AddArgument($Sim.TenantId).AddArgument($Adele)
            $shell.Commands.Commands[0].MergeMyResults('All', 'Output')
            $null = $shell.AddCommand('Out-Default')
            $null = $shell.Invoke()
            $shown = (@($scripted.Written) -join "`n") -replace "`e\[[0-9;]*m"
        }
        finally {
            $shell.Dispose()
            $runspace.Dispose()
        }
        $shown | Should -Match 'DEBUG: The session writes debug records\.' -Because 'debug records reach the host in this session'
        $shown | Should -Match 'Verdict\s*:\s*Ready'
        $shown | Should -Not -Match ([regex]::Escape($MgToken.Substring(0, 40)))
    }

    It 'prefers Connect-EntraPasskey when both are connected' {
        Connect-Simulator -Simulator $Sim | Out-Null
        $MgProbe.Clear()
        (Get-EntraPasskeyContext).ConnectionMode | Should -Be 'AccessToken'
        $MgProbe.Count | Should -Be 0
        Disconnect-EntraPasskey
    }
}

Describe 'A Microsoft Graph PowerShell connection whose token cannot be borrowed' {
    BeforeAll {
        Disconnect-EntraPasskey
        # Connected, but the response carries no request (and so no Authorization header) to borrow.
        function global:Get-MgContext { [pscustomobject]@{ TenantId = $Sim.TenantId; ClientId = 'mg-client'; Environment = 'Global' } }
        function global:Invoke-MgGraphRequest {
            param($Method, $Uri, $OutputType, [switch] $SkipHttpErrorCheck)
            [System.Net.Http.HttpResponseMessage]::new([System.Net.HttpStatusCode]::OK)
        }
    }

    AfterAll {
        Remove-Item -Path 'Function:\Get-MgContext', 'Function:\Invoke-MgGraphRequest' -Force
    }

    It 'stops Test-EntraPasskey with GraphPowerShellTokenUnavailable and says how to connect instead' {
        $failure = { Test-EntraPasskey -UserId $Adele -ErrorAction Stop } | Should -Throw -ErrorId 'GraphPowerShellTokenUnavailable,EntraPasskey.Commands.TestEntraPasskeyCommand' -PassThru
        $failure.Exception.Message | Should -Be 'Connect-MgGraph is connected, but its access token could not be borrowed.'
        $failure.ErrorDetails.RecommendedAction | Should -Be 'Run Connect-EntraPasskey, or reconnect with Connect-MgGraph.'
    }
}

Describe 'Not connected at all' {
    It 'stops Test-EntraPasskey with NotConnected' {
        Disconnect-EntraPasskey
        { Test-EntraPasskey -UserId $Adele -ErrorAction Stop } | Should -Throw -ErrorId 'NotConnected,EntraPasskey.Commands.TestEntraPasskeyCommand'
    }
}
