<#
    Engine messages (verbose, warning, debug) are written on the pipeline thread while an engine call runs, not only
    after it. No timing decides the outcome: the test holds the engine's HTTP request open until the verbose note
    written just before it has reached the caller, so a runner that wrote messages only at the end would never let
    that happen (the wait gives up after a minute and the test fails).
#>
BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:Sim = Start-GraphSimulator
    $tenant = Get-Content (Join-Path $env:ENTRAPASSKEY_TENANTS 'contoso.json') -Raw | ConvertFrom-Json
    $script:Workspace = $tenant.logAnalyticsWorkspaces[0].id
    # A Log Analytics token for the app that reads the workspace: the query goes through the test's own endpoint.
    $body = @{ roles = @(); audience = 'https://api.loganalytics.io' } | ConvertTo-Json
    $token = (Invoke-RestMethod -Method Post -Uri "$($Sim.Graph)/_sim/token" -Body $body -ContentType 'application/json').access_token
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $Sim.Graph | Out-Null

    function script:Start-HeldEndpoint {
        # A loopback HTTP endpoint that hands each request to the test, which decides when it is answered.
        $probe = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $probe.Start()
        $port = $probe.LocalEndpoint.Port
        $probe.Stop()
        $listener = [System.Net.HttpListener]::new()
        $listener.Prefixes.Add("http://127.0.0.1:$port/")
        $listener.Start()
        $listener
    }

    function script:Send-ToSimulator($Context) {
        # Answers a held request with what the simulator answers to it.
        $reader = [System.IO.StreamReader]::new($Context.Request.InputStream)
        $forwarded = Invoke-WebRequest -Method Post -Uri "$($Sim.Graph)$($Context.Request.RawUrl)" -Body $reader.ReadToEnd() `
            -ContentType 'application/json' -Headers @{ Authorization = $Context.Request.Headers['Authorization'] } -SkipHttpErrorCheck
        $bytes = [System.Text.Encoding]::UTF8.GetBytes($forwarded.Content)
        $Context.Response.StatusCode = [int] $forwarded.StatusCode
        $Context.Response.ContentType = 'application/json; charset=utf-8'
        $Context.Response.OutputStream.Write($bytes, 0, $bytes.Length)
        $Context.Response.Close()
    }
}

AfterAll {
    Disconnect-EntraPasskey
    Stop-GraphSimulator $Sim
}

Describe 'Engine messages during a long call' {
    It 'writes the verbose note of a Log Analytics query while the query is still unanswered, and the report after it' {
        $expected = Get-PasskeyRegistrationFailures -Days 30 -WorkspaceId $Workspace -LogAnalyticsEndpoint $Sim.Graph |
            ForEach-Object { '{0}|{1}|{2}' -f $_.UserPrincipalName, $_.Reason, $_.Attempts }
        $listener = Start-HeldEndpoint
        $endpoint = $listener.Prefixes | Select-Object -First 1
        # Its own runspace, so this thread is free to hold the request; the module's connection is per process.
        $shell = [powershell]::Create()
        $null = $shell.AddScript({
            param($Module, $Workspace, $Endpoint)
            Import-Module $Module
            Get-PasskeyRegistrationFailures -Days 30 -WorkspaceId $Workspace -LogAnalyticsEndpoint $Endpoint -Verbose
        }).AddArgument($env:ENTRAPASSKEY_MODULE).AddArgument($Workspace).AddArgument($endpoint)
        try {
            $async = $shell.BeginInvoke()
            $arriving = $listener.GetContextAsync()
            $arriving.Wait([TimeSpan]::FromMinutes(1)) | Should -BeTrue -Because 'the command sends its query'
            $deadline = [DateTime]::UtcNow.AddMinutes(1)
            while (-not ($shell.Streams.Verbose.Message -like 'POST *') -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 20 }
            $whileHeld = @($shell.Streams.Verbose.Message)
            $stateWhileHeld = $shell.InvocationStateInfo.State
            Send-ToSimulator $arriving.Result
            $rows = @($shell.EndInvoke($async))
            $afterwards = @($shell.Streams.Verbose.Message)
        }
        finally {
            $listener.Close()
            $shell.Dispose()
        }
        $whileHeld | Should -Contain "POST $($endpoint)v1/workspaces/$Workspace/query (KQL, $((Get-PasskeyRegistrationFailures -Days 30 -AsKql).Length) characters)"
        $stateWhileHeld | Should -Be 'Running'
        $rows | ForEach-Object { '{0}|{1}|{2}' -f $_.UserPrincipalName, $_.Reason, $_.Attempts } | Should -Be $expected
        $rows.Count | Should -BeGreaterThan 0
        $afterwards | Where-Object { $_ -like 'Log Analytics returned * row(s) for *' } | Should -HaveCount 1 -Because 'notes written after the answer arrive too'
    }
}
