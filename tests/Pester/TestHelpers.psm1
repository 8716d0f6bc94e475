<#
    Shared by the Pester suite and the demo: start the Graph simulator, get tokens from it, read its request log,
    and connect the module to it.
#>
Set-StrictMode -Version 3.0

$script:DefaultRoles = @(
    'User.Read.All', 'GroupMember.Read.All', 'UserAuthenticationMethod.Read.All', 'Policy.Read.All',
    'Policy.Read.AuthenticationMethod', 'AuditLog.Read.All', 'Organization.Read.All'
)

function Start-GraphSimulator {
    # Starts the simulator on free loopback ports; it exits by itself when this process does.
    param(
        [string] $Tenant = 'contoso',
        [int] $LatencyMs = 0,
        [int] $JitterMs = 0,
        # More simulator options, e.g. '--generate', 1000, '--throttling', 'on' (see tests/GraphSimulator/README.md).
        [string[]] $ExtraArguments = @()
    )
    $tenantPath = if (Test-Path $Tenant) { (Resolve-Path $Tenant).Path } else { Join-Path $env:ENTRAPASSKEY_TENANTS "$Tenant.json" }
    $work = Join-Path ([IO.Path]::GetTempPath()) ("graphsim-" + [guid]::NewGuid().ToString('N'))
    New-Item -ItemType Directory -Path $work | Out-Null
    $readyFile = Join-Path $work 'ready.json'
    $arguments = @(
        $env:ENTRAPASSKEY_SIMULATOR, '--tenant', $tenantPath, '--parent-pid', $PID, '--ready-file', $readyFile,
        '--latency-ms', $LatencyMs, '--jitter-ms', $JitterMs
    ) + $ExtraArguments
    $process = Start-Process -FilePath 'dotnet' -ArgumentList $arguments -PassThru -NoNewWindow `
        -RedirectStandardOutput (Join-Path $work 'stdout.txt') -RedirectStandardError (Join-Path $work 'stderr.txt')
    # Generous: a generated tenant of 100,000 users takes tens of seconds to build.
    $deadline = [DateTime]::UtcNow.AddSeconds(180)
    while (-not (Test-Path $readyFile) -or (Get-Item $readyFile).Length -eq 0) {
        if ($process.HasExited) { throw "The Graph simulator exited: $(Get-Content (Join-Path $work 'stderr.txt') -Raw)" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw 'The Graph simulator did not start within 180 seconds.' }
        Start-Sleep -Milliseconds 100
    }
    Start-Sleep -Milliseconds 50
    $ready = Get-Content $readyFile -Raw | ConvertFrom-Json
    [pscustomobject]@{
        PSTypeName  = 'EntraPasskey.Tests.GraphSimulator'
        Process     = $process
        Graph       = $ready.graph.TrimEnd('/')
        Authority   = $ready.authority
        Certificate = $ready.certificate
        TenantId    = $ready.tenantId
        WorkFolder  = $work
    }
}

function Stop-GraphSimulator {
    param([Parameter(Mandatory)] $Simulator)
    if (-not $Simulator.Process.HasExited) { $Simulator.Process.Kill(); $Simulator.Process.WaitForExit(5000) | Out-Null }
    Remove-Item $Simulator.WorkFolder -Recurse -Force -ErrorAction SilentlyContinue
}

function New-SimulatorToken {
    # An app-only token carrying the given application permissions (or a delegated one with -Scope).
    param(
        [Parameter(Mandatory)] $Simulator,
        [string[]] $Roles = $script:DefaultRoles,
        [string] $Scope,
        [string] $Upn,
        [int] $ExpiresInSeconds = 3600
    )
    $body = if ($Scope) { @{ scp = $Scope; upn = $Upn; expiresInSeconds = $ExpiresInSeconds } } else { @{ roles = @($Roles); expiresInSeconds = $ExpiresInSeconds } }
    (Invoke-RestMethod -Method Post -Uri "$($Simulator.Graph)/_sim/token" -Body ($body | ConvertTo-Json) -ContentType 'application/json').access_token
}

function Connect-Simulator {
    # Connects EntraPasskey to the simulator with an access token carrying the given permissions.
    param(
        [Parameter(Mandatory)] $Simulator,
        [string[]] $Roles = $script:DefaultRoles
    )
    $token = New-SimulatorToken -Simulator $Simulator -Roles $Roles
    Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph
}

function Connect-SimulatorWithExpiredToken {
    # Connects with -AccessToken (which nothing renews) and waits until that token has expired: the next request
    # the module makes needs a token it no longer has. Connecting needs the token alive, so it is given a few seconds.
    param(
        [Parameter(Mandatory)] $Simulator,
        [string[]] $Roles = $script:DefaultRoles
    )
    $token = New-SimulatorToken -Simulator $Simulator -Roles $Roles -ExpiresInSeconds 5
    $context = Connect-EntraPasskey -AccessToken (ConvertTo-SecureString $token -AsPlainText -Force) -GraphEndpoint $Simulator.Graph
    while ([DateTimeOffset]::UtcNow -le $context.TokenExpiresOn) { Start-Sleep -Milliseconds 200 }
    $context
}

function Get-SimulatorRequest {
    # The simulator's request log: every HTTP request and every $batch item, in order.
    param([Parameter(Mandatory)] $Simulator)
    @(Invoke-RestMethod -Uri "$($Simulator.Graph)/_sim/requests")
}

function Clear-SimulatorRequest {
    param([Parameter(Mandatory)] $Simulator)
    Invoke-RestMethod -Method Delete -Uri "$($Simulator.Graph)/_sim/requests" | Out-Null
}

function Reset-GraphSimulator {
    # Undoes PATCHes and other changes, back to the tenant as loaded.
    param([Parameter(Mandatory)] $Simulator)
    Invoke-RestMethod -Method Post -Uri "$($Simulator.Graph)/_sim/reset" | Out-Null
}

function Set-SimulatorMethodConfiguration {
    # PATCHes one authentication method configuration, as an administrator would.
    param(
        [Parameter(Mandatory)] $Simulator,
        [Parameter(Mandatory)] [string] $Id,
        [Parameter(Mandatory)] [hashtable] $Properties
    )
    $token = New-SimulatorToken -Simulator $Simulator -Roles 'Policy.ReadWrite.AuthenticationMethod'
    $body = @{ '@odata.type' = "#microsoft.graph.$($Id.Substring(0,1).ToLower() + $Id.Substring(1))AuthenticationMethodConfiguration" } + $Properties
    Invoke-RestMethod -Method Patch -Uri "$($Simulator.Graph)/v1.0/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/$Id" `
        -Headers @{ Authorization = "Bearer $token" } -Body ($body | ConvertTo-Json -Depth 10) -ContentType 'application/json' | Out-Null
}

function Invoke-FreshPwsh {
    # Runs a script in a new pwsh process (a clean default load context) and returns what it wrote as JSON.
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{}
    )
    $file = Join-Path ([IO.Path]::GetTempPath()) ("fresh-" + [guid]::NewGuid().ToString('N') + '.ps1')
    Set-Content -Path $file -Value $Script
    $saved = @{}
    foreach ($name in $Environment.Keys) { $saved[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $Environment[$name]) }
    try {
        $output = & dotnet $env:ENTRAPASSKEY_PWSH -NoProfile -NonInteractive -File $file 2>&1 | Out-String
    }
    finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
        Remove-Item $file -ErrorAction SilentlyContinue
    }
    $json = ($output -split "`n" | Where-Object { $_ -like 'RESULT *' } | Select-Object -Last 1)
    if (-not $json) { throw "The child pwsh wrote no RESULT line. Its output:`n$output" }
    $json.Substring(7) | ConvertFrom-Json
}

function Invoke-WithScriptedHost {
    # Runs a script in a runspace whose host answers every prompt with $Answer and records what it shows: how the
    # tests see ShouldProcess and ShouldContinue questions. -ShowOnHost sends every stream to the host (as a console
    # would), so a transcript records it.
    param(
        # '' for a host that cannot prompt (as pwsh -NonInteractive).
        [Parameter(Mandatory)] [AllowEmptyString()] [string] $Answer,
        [Parameter(Mandatory)] [scriptblock] $Script,
        [hashtable] $Parameters = @{},
        [string[]] $Variables = @(),
        [switch] $ShowOnHost
    )
    if (-not ('EntraPasskeyTests.ScriptedHost' -as [type])) { Add-Type -Path (Join-Path $PSScriptRoot 'ScriptedHost.cs') }
    $scripted = [EntraPasskeyTests.ScriptedHost]::new($Answer)
    $runspace = [runspacefactory]::CreateRunspace($scripted)
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    try {
        # The module's connection is per process, so the caller's connection serves this runspace too.
        $null = $shell.AddScript('param($Module) Import-Module $Module').AddParameter('Module', $env:ENTRAPASSKEY_MODULE).Invoke()
        $shell.Commands.Clear()
        $null = $shell.AddScript($Script.ToString()).AddParameters($Parameters)
        if ($ShowOnHost) {
            $shell.Commands.Commands[0].MergeMyResults('All', 'Output')
            $null = $shell.AddCommand('Out-Default')
        }
        $output = $shell.Invoke()
        $values = @{}
        foreach ($name in $Variables) { $values[$name] = $runspace.SessionStateProxy.GetVariable($name) }
        [pscustomobject]@{
            Prompts   = @($scripted.Prompts)
            Written   = @($scripted.Written)
            Output    = @($output)
            Errors    = @($shell.Streams.Error)
            Variables = $values
        }
    }
    finally {
        $shell.Dispose()
        $runspace.Dispose()
    }
}

Export-ModuleMember -Function Start-GraphSimulator, Stop-GraphSimulator, New-SimulatorToken, Connect-Simulator, Connect-SimulatorWithExpiredToken,
    Get-SimulatorRequest, Clear-SimulatorRequest, Reset-GraphSimulator, Set-SimulatorMethodConfiguration, Invoke-FreshPwsh,
    Invoke-WithScriptedHost
