#Requires -Version 7.2
<#
.SYNOPSIS
    The one entry point: build, test, demo, benchmark and package EntraPasskey.
.DESCRIPTION
    Run with the PowerShell the repository pins as a local tool, on a machine that has only the .NET SDK:
        dotnet tool restore
        dotnet pwsh ./build.ps1 -Task Test
    Nothing is installed by hand: NuGet restores every package (Pester included) into the usual package folder.
.PARAMETER Task
    Build   - compile everything and lay the module out under out/EntraPasskey/<version>/.
    Test    - Build, then run the xunit and Pester suites; ends with "N passed, M failed".
    Demo    - Build, start the Graph simulator with the sample tenant, and diagnose every sample user.
    Sandbox - Build, start the Graph simulator with the sample tenant (or a generated one with -Users) and open a
              PowerShell session with the module imported and connected to it; exiting the session stops the
              simulator. README: "Try it on the sample tenant".
    Bench   - Build, then measure the per-user sequential baseline and the module side by side against a generated
              tenant (tests/Bench/README.md); results in out/bench/ (markdown + JSON).
    Soak    - Build, then a bulk run of 2,000 generated users (or -Users) through the simulator's fault injection,
              about 10 % of calls damaged by every kind at once, with the retries users get; prints users, faults
              injected by kind, outputs, errors by id and wall time; fails when anything was lost, errored or
              differs from the fault-free runs. A few minutes: slow replies wait out 30 s timeouts. README: "The
              fault soak".
    Package - Build, then zip the laid-out module into out/.
    Catalog - rebuild src/EntraPasskey.Engine/Catalog/authenticators.json from the files in
              src/EntraPasskey.Engine/Catalog/Sources/ (README: "The authenticator catalog").
    Clean   - remove out/ and every bin/ and obj/ folder of the solution.
.PARAMETER Configuration
    Release (default) or Debug.
.PARAMETER Filter
    Test: run only the tests this text picks (case-insensitive): xunit tests whose fully qualified name contains it,
    every test of a Pester file whose name contains it, and Pester tests whose Describe/Context/It name contains it.
    The summary line counts only what ran. Without it every test runs (the README's command).
.PARAMETER NoBuild
    Test, Sandbox: skip the build and use what out/ and the bin/ folders already hold (the inner loop after a Build).
.PARAMETER Command
    Sandbox: run this PowerShell text in the connected session instead of opening a prompt, then stop the simulator
    and exit with the session's exit code (for scripts and tests).
.PARAMETER Users
    Bench: tenant sizes to measure, one run each (default 1000), e.g. -Users 1000,10000.
    Soak: the tenant size (default 2000).
    Sandbox: serve a generated tenant of this many users instead of the sample tenant, e.g. -Users 3000.
.PARAMETER BaselineUsers
    Bench: how many users the sequential baseline diagnoses (default 100; 0 skips it). Its sign-in calls run at
    0.5 per second under the reports budget, so 100 users take about 3.5 minutes.
.PARAMETER LatencyMs
    Bench: fixed simulator latency per HTTP request (default 50). Sandbox: the same, when given (default none).
.PARAMETER JitterMs
    Bench: uniform extra latency 0..JitterMs per HTTP request (default 10).
.PARAMETER Throttling
    Bench: Graph's throttling budgets On (default) or Off. Sandbox: the same, when given (default Off).
.PARAMETER SampleSize
    Bench: users (spread evenly) diagnosed again one by one after the bulk run, whose verdicts must match (default 50).
.PARAMETER SignInsPerDay
    Bench: interactive sign-ins per user per day in the generated tenant (default 8, a real tenant's volume; one in
    eight with MFA).
.PARAMETER CompareModule
    Bench: the EntraPasskey.psd1 of another build (a copy of an earlier out/EntraPasskey) measured first, against the
    same simulator and under the same load, so a change is judged side by side in one run.
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Bench -Users 1000,10000 -LatencyMs 50 -Throttling On
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Test -NoBuild -Filter TapPreflight
.EXAMPLE
    dotnet pwsh ./build.ps1 -Task Sandbox -Users 3000
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Sandbox', 'Bench', 'Soak', 'Package', 'Catalog', 'Clean')]
    [string] $Task = 'Build',

    [ValidateSet('Release', 'Debug')]
    [string] $Configuration = 'Release',

    # Strings, split on commas: from bash, `-Users 1000,10000` arrives as one string, and [int] would read its comma
    # as a thousands separator (100010000).
    [string[]] $Users = @('1000'),

    [int] $BaselineUsers = 100,

    [int] $LatencyMs = 50,

    [int] $JitterMs = 10,

    [ValidateSet('On', 'Off')]
    [string] $Throttling = 'On',

    [double] $SignInsPerDay = 8,

    [int] $SampleSize = 50,

    [string] $CompareModule,

    [string] $Filter,

    [switch] $NoBuild,

    [string] $Command
)

Set-StrictMode -Version 3.0
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
# What the caller gave: the sandbox passes on -Users, -Throttling and -LatencyMs only then (Bench's defaults differ).
$BoundParameters = $PSBoundParameters

$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$Staging = Join-Path $Out 'staging'
$Solution = Join-Path $Root 'EntraPasskey.sln'

function Invoke-Native {
    # Runs a native command and stops the build when it fails.
    param([string] $Command, [string[]] $Arguments)
    & $Command @Arguments
    if ($LASTEXITCODE -ne 0) { throw "'$Command $($Arguments -join ' ')' failed with exit code $LASTEXITCODE." }
}

function Get-ModuleVersion {
    # The one version source is Directory.Build.props.
    [xml] $props = Get-Content (Join-Path $Root 'Directory.Build.props') -Raw
    $props.Project.PropertyGroup.VersionPrefix | Where-Object { $_ } | Select-Object -First 1
}

function Get-PackageRoot {
    # Where NuGet restored packages (Pester, the old assemblies of the isolation test).
    $line = dotnet nuget locals global-packages --list
    if ($LASTEXITCODE -ne 0) { throw 'Could not find the NuGet global packages folder.' }
    ($line -replace '^global-packages:\s*', '').Trim()
}

function Get-ModuleDirectory {
    Join-Path $Out "EntraPasskey/$(Get-ModuleVersion)"
}

function Invoke-Clean {
    # Removes build output only; untracked source files are never touched.
    if (Test-Path $Out) { Remove-Item $Out -Recurse -Force }
    Get-ChildItem (Join-Path $Root 'src'), (Join-Path $Root 'tests') -Directory -Recurse -Include bin, obj |
        Remove-Item -Recurse -Force
}

function Invoke-Build {
    # Compiles the solution (warnings are errors) and lays the module out.
    Invoke-Native dotnet @('build', $Solution, '-c', $Configuration, '--nologo', '-v', 'q', '-clp:NoSummary')
    Invoke-Layout
}

function Invoke-Layout {
    # out/EntraPasskey/<ver>/: cmdlets + Model at the root, the engine and every third-party assembly under
    # Dependencies/, the PowerShell 7 loader under Dependencies/Core/. Fails when the layout is wrong.
    if (Test-Path $Staging) { Remove-Item $Staging -Recurse -Force }
    $publish = @{
        cmdlets = 'src/EntraPasskey/EntraPasskey.csproj'
        engine  = 'src/EntraPasskey.Engine/EntraPasskey.Engine.csproj'
        loader  = 'src/EntraPasskey.Loader/EntraPasskey.Loader.csproj'
    }
    foreach ($name in $publish.Keys) {
        Invoke-Native dotnet @('publish', (Join-Path $Root $publish[$name]), '-c', $Configuration, '--no-build', '--nologo', '-v', 'q', '-o', (Join-Path $Staging $name))
    }

    $moduleDir = Get-ModuleDirectory
    if (Test-Path $moduleDir) { Remove-Item $moduleDir -Recurse -Force }
    $dependencies = Join-Path $moduleDir 'Dependencies'
    $core = Join-Path $dependencies 'Core'
    New-Item -ItemType Directory -Path $core -Force | Out-Null

    $rootAssemblies = 'EntraPasskey.dll', 'EntraPasskey.Model.dll'
    foreach ($file in $rootAssemblies) { Copy-Item (Join-Path $Staging "cmdlets/$file") $moduleDir }
    Get-ChildItem (Join-Path $Staging 'engine') -Filter *.dll |
        Where-Object Name -NotIn $rootAssemblies |
        Copy-Item -Destination $dependencies
    Copy-Item (Join-Path $Staging 'loader/EntraPasskey.Loader.dll') $core
    Copy-Item (Join-Path $Root 'module/EntraPasskey.Format.ps1xml') $moduleDir
    Copy-Item (Join-Path $Root 'module/en-US') $moduleDir -Recurse
    Write-HelpFile (Join-Path $moduleDir 'en-US/EntraPasskey.dll-Help.xml')
    Copy-Item (Join-Path $Root 'LICENSE') $moduleDir

    $manifest = Get-Content (Join-Path $Root 'EntraPasskey.psd1') -Raw
    $manifest = $manifest -replace "ModuleVersion(\s*)=\s*'[^']*'", "ModuleVersion`$1= '$(Get-ModuleVersion)'"
    Set-Content (Join-Path $moduleDir 'EntraPasskey.psd1') $manifest -NoNewline

    Assert-Layout $moduleDir
    Remove-Item $Staging -Recurse -Force
    Write-Host "Module laid out in $moduleDir"
}

function Write-HelpFile {
    # PowerShell reads a binary module's help from <cmdlet assembly>-Help.xml; we keep one MAML file per command
    # under module/help/ and merge them here.
    param([string] $Path)
    $mshNamespace = 'http://msh'
    $document = [System.Xml.XmlDocument]::new()
    $null = $document.AppendChild($document.CreateXmlDeclaration('1.0', 'utf-8', $null))
    $helpItems = $document.AppendChild($document.CreateElement('helpItems', $mshNamespace))
    $helpItems.SetAttribute('schema', 'maml')
    foreach ($file in Get-ChildItem (Join-Path $Root 'module/help') -Filter *.xml | Sort-Object Name) {
        [xml] $command = Get-Content $file.FullName -Raw
        $null = $helpItems.AppendChild($document.ImportNode($command.DocumentElement, $true))
    }
    New-Item -ItemType Directory -Path (Split-Path $Path) -Force | Out-Null
    $document.Save($Path)
}

function Assert-Layout {
    # The checks that keep dependency isolation honest.
    param([string] $ModuleDir)
    $problems = [System.Collections.Generic.List[string]]::new()
    foreach ($required in 'EntraPasskey.psd1', 'EntraPasskey.dll', 'EntraPasskey.Model.dll', 'EntraPasskey.Format.ps1xml', 'en-US/EntraPasskey.dll-Help.xml',
        'Dependencies/EntraPasskey.Engine.dll', 'Dependencies/Core/EntraPasskey.Loader.dll',
        'Dependencies/Microsoft.Graph.dll', 'Dependencies/Microsoft.Graph.Core.dll', 'Dependencies/Azure.Identity.dll',
        'Dependencies/Azure.Core.dll', 'Dependencies/Microsoft.Identity.Client.dll') {
        if (-not (Test-Path (Join-Path $ModuleDir $required))) { $problems.Add("missing $required") }
    }
    $rootDlls = Get-ChildItem $ModuleDir -Filter *.dll | ForEach-Object Name
    foreach ($dll in $rootDlls) {
        if ($dll -notin 'EntraPasskey.dll', 'EntraPasskey.Model.dll') { $problems.Add("$dll belongs under Dependencies/, not the module root") }
        if (Test-Path (Join-Path $ModuleDir "Dependencies/$dll")) { $problems.Add("$dll is both in the root and in Dependencies/") }
    }
    $data = Import-PowerShellDataFile (Join-Path $ModuleDir 'EntraPasskey.psd1')
    foreach ($key in 'RequiredAssemblies', 'NestedModules') {
        if ($data.ContainsKey($key)) { $problems.Add("the manifest must not have $key (it would load dependencies into the default context)") }
    }
    foreach ($key in 'CmdletsToExport', 'FunctionsToExport', 'AliasesToExport', 'VariablesToExport') {
        # A missing key exports everything, and so does a wildcard in any entry.
        if (-not $data.ContainsKey($key)) { $problems.Add("the manifest must list $key explicitly (@() for none)") }
        elseif (@($data[$key]) | Where-Object { [WildcardPattern]::ContainsWildcardCharacters($_) }) { $problems.Add("$key must be an explicit list, without wildcards") }
    }
    if ($problems.Count -gt 0) { throw "Module layout is wrong:`n  $($problems -join "`n  ")" }
}

function Invoke-Test {
    # xunit (engine, simulator) then Pester (module surface, against the built module in a fresh pwsh).
    if ($NoBuild) { Assert-Built } else { Invoke-Build }
    $results = Join-Path $Out 'TestResults'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }

    $xunitArguments = @('test', $Solution, '-c', $Configuration, '--no-build', '--nologo', '--logger', 'trx', '--results-directory', $results)
    if ($Filter) { $xunitArguments += '--filter', "FullyQualifiedName~$(ConvertTo-XunitFilterValue $Filter)" }
    $xunitWatch = [Diagnostics.Stopwatch]::StartNew()
    & dotnet @xunitArguments
    $xunitExit = $LASTEXITCODE
    $xunitWatch.Stop()
    $xunit = Get-TrxCounts $results
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) { throw "dotnet test failed (exit code $xunitExit) without reporting a failed test." }

    $pesterWatch = [Diagnostics.Stopwatch]::StartNew()
    $pester = Invoke-PesterSuite $results
    $pesterWatch.Stop()
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Host ("xunit: {0} passed, {1} failed in {2:n0} s; Pester: {3} passed, {4} failed in {5:n0} s" -f
        $xunit.Passed, $xunit.Failed, $xunitWatch.Elapsed.TotalSeconds, $pester.Passed, $pester.Failed, $pesterWatch.Elapsed.TotalSeconds)
    foreach ($line in @($pester.SkippedTests)) { Write-Host "Skipped: $line" }
    if ($Filter) { Write-Host "Only the tests matching '$Filter' ran." }
    Write-Output ("$passed passed, $failed failed" + $(if ($pester.Skipped -gt 0) { ", $($pester.Skipped) skipped" } else { '' }))
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Assert-Built {
    # -NoBuild tests what the last build left; without one there is nothing to test.
    $module = Join-Path (Get-ModuleDirectory) 'EntraPasskey.psd1'
    if (-not (Test-Path $module)) { throw "-NoBuild needs a build first (no module at $module): run build.ps1 -Task Build." }
}

function ConvertTo-XunitFilterValue {
    # dotnet test's filter syntax gives meaning to these characters; a backslash makes them literal.
    param([string] $Text)
    [regex]::Replace($Text, '[\\(),|&=!~]', { param($match) '\' + $match.Value })
}

function Get-TrxCounts {
    param([string] $Directory)
    $counts = [pscustomobject]@{ Passed = 0; Failed = 0 }
    foreach ($trx in Get-ChildItem $Directory -Filter *.trx -Recurse) {
        [xml] $doc = Get-Content -LiteralPath $trx.FullName -Raw
        $counters = $doc.TestRun.ResultSummary.Counters
        $counts.Passed += [int] $counters.passed
        $counts.Failed += [int] $counters.failed + [int] $counters.error + [int] $counters.timeout + [int] $counters.aborted
    }
    $counts
}

function Invoke-PesterSuite {
    # Runs in a child pwsh so the suite imports the freshly built module into a clean process.
    param([string] $ResultsDirectory)
    $summary = Join-Path $ResultsDirectory 'pester-summary.json'
    $environment = Get-TestEnvironment
    $runner = Join-Path $Root 'tests/Pester/Invoke-PesterSuite.ps1'
    $previous = @{}
    foreach ($name in $environment.Keys) { $previous[$name] = [Environment]::GetEnvironmentVariable($name); [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    try {
        $runnerArguments = @('-ResultsDirectory', $ResultsDirectory, '-SummaryPath', $summary)
        if ($Filter) { $runnerArguments += '-Filter', $Filter }
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File $runner @runnerArguments | Out-Host
    }
    finally {
        foreach ($name in $previous.Keys) { [Environment]::SetEnvironmentVariable($name, $previous[$name]) }
    }
    if (-not (Test-Path $summary)) { throw 'The Pester run did not produce a summary (it crashed before finishing).' }
    Get-Content $summary -Raw | ConvertFrom-Json
}

function Get-TestEnvironment {
    # What the Pester suite, the demo and the benchmark need to find: the built module, the simulator and packages.
    $simulator = Join-Path $Root "tests/GraphSimulator/bin/$Configuration/net10.0/GraphSimulator.dll"
    if (-not (Test-Path $simulator)) { throw "The Graph simulator was not built ($simulator)." }
    [xml] $dependencies = Get-Content (Join-Path $Root 'tests/TestDependencies/TestDependencies.csproj') -Raw
    $pesterVersion = ($dependencies.Project.ItemGroup.PackageDownload | Where-Object Include -EQ 'Pester').Version.Trim('[', ']')
    $packages = Get-PackageRoot
    @{
        ENTRAPASSKEY_MODULE    = Join-Path (Get-ModuleDirectory) 'EntraPasskey.psd1'
        ENTRAPASSKEY_PESTER    = Join-Path $packages "pester/$pesterVersion/tools/Pester.psd1"
        ENTRAPASSKEY_SIMULATOR = $simulator
        ENTRAPASSKEY_TENANTS   = Join-Path $Root 'tests/GraphSimulator/tenants'
        ENTRAPASSKEY_PACKAGES  = $packages
        ENTRAPASSKEY_PWSH      = Join-Path $PSHOME 'pwsh.dll'
    }
}

function Invoke-Demo {
    # Diagnoses the sample tenant end to end, over HTTP, with the built module.
    Invoke-Build
    $environment = Get-TestEnvironment
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Demo/Invoke-Demo.ps1')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Sandbox {
    # The session is a fresh pwsh (the module loads into a clean process); this process owns the simulator, so it
    # stops when the session exits however it exits.
    if ($NoBuild) { Assert-Built } else { Invoke-Build }
    $size = 0
    if ($BoundParameters.ContainsKey('Users')) {
        if ($Users.Count -ne 1 -or $Users[0] -notmatch '^\d{1,9}$' -or [int] $Users[0] -lt 1) { throw "-Users takes one tenant size for the sandbox, such as 3000; '$($Users -join ',')' is not one." }
        $size = [int] $Users[0]
    }
    $environment = Get-TestEnvironment
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    Import-Module (Join-Path $Root 'tests/Pester/TestHelpers.psm1') -Function Start-GraphSimulator, Stop-GraphSimulator

    $simulatorArguments = @('--throttling', $(if ($BoundParameters.ContainsKey('Throttling')) { $Throttling.ToLowerInvariant() } else { 'off' }))
    if ($size -gt 0) { $simulatorArguments += '--generate', $size }
    Write-Host $(if ($size -gt 0) { "Generating a tenant of $size users..." } else { 'Starting the sample tenant...' })
    $simulator = Start-GraphSimulator -Tenant 'contoso' -LatencyMs $(if ($BoundParameters.ContainsKey('LatencyMs')) { $LatencyMs } else { 0 }) -ExtraArguments $simulatorArguments
    try {
        $enter = ". '$((Join-Path $Root 'tests/Sandbox/Enter-Sandbox.ps1') -replace "'", "''")' -Graph '$($simulator.Graph)' -Generated:`$$($size -gt 0)"
        # Encoded, so whatever quotes -Command holds reach the session as written.
        $sessionArguments = if ($Command) { @('-NonInteractive', '-OutputFormat', 'Text', '-EncodedCommand', (ConvertTo-EncodedCommand "$enter`n$Command")) }
            else { @('-NoExit', '-EncodedCommand', (ConvertTo-EncodedCommand $enter)) }
        & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile @sessionArguments
        $exitCode = $LASTEXITCODE
    }
    finally {
        Stop-GraphSimulator $simulator
        Write-Host 'Sandbox closed; simulator stopped.'
    }
    if ($exitCode -ne 0) { exit $exitCode }
}

function ConvertTo-EncodedCommand([string] $Text) {
    [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($Text))
}

function Invoke-Bench {
    # The benchmark always measures the Release build (the configuration users get).
    if ($Configuration -ne 'Release') { throw 'The benchmark measures the Release build; run it without -Configuration Debug.' }
    $sizes = @($Users -split ',' | Where-Object { $_ })
    foreach ($size in $sizes) {
        if ($size -notmatch '^\d{1,9}$' -or [int] $size -lt 1) { throw "-Users takes tenant sizes such as 1000,10000; '$size' is not a whole number of users." }
    }
    Invoke-Build
    Invoke-Native dotnet @('build', (Join-Path $Root 'tests/Bench/Bench.csproj'), '-c', 'Release', '--nologo', '-v', 'q', '-clp:NoSummary')
    $environment = Get-TestEnvironment
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Bench/Invoke-Bench.ps1') `
        -Users ($sizes -join ',') -BaselineUsers $BaselineUsers -LatencyMs $LatencyMs -JitterMs $JitterMs -Throttling $Throttling -SignInsPerDay $SignInsPerDay -SampleSize $SampleSize `
        -CompareModule $CompareModule -OutDirectory (Join-Path $Out 'bench')
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Soak {
    # Release, as the benchmark: the retries and timeouts users get.
    $size = 2000
    if ($BoundParameters.ContainsKey('Users')) {
        if ($Users.Count -ne 1 -or $Users[0] -notmatch '^\d{1,9}$' -or [int] $Users[0] -lt 1) { throw "-Users takes one tenant size for the soak, such as 5000; '$($Users -join ',')' is not one." }
        $size = [int] $Users[0]
    }
    Invoke-Build
    $environment = Get-TestEnvironment
    foreach ($name in $environment.Keys) { [Environment]::SetEnvironmentVariable($name, $environment[$name]) }
    & dotnet (Join-Path $PSHOME 'pwsh.dll') -NoProfile -NonInteractive -File (Join-Path $Root 'tests/Soak/Invoke-Soak.ps1') -Users $size
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

function Invoke-Catalog {
    # Data only: nothing is built. Review the diff of authenticators.json and commit it with the sources.
    $catalog = Join-Path $Root 'src/EntraPasskey.Engine/Catalog'
    Import-Module (Join-Path $catalog 'CatalogGenerator.psm1') -Force
    $counts = Update-AuthenticatorCatalog -SourceDirectory (Join-Path $catalog 'Sources') -CatalogPath (Join-Path $catalog 'authenticators.json')
    Write-Host "authenticators.json: $($counts.Total) entries, $($counts.Accepted) accepted, $($counts.Synced) synced, $($counts.DeviceBound) device-bound"
}

function Invoke-Package {
    # Zips the laid-out module: what a user would copy into their PSModulePath.
    Invoke-Build
    $zip = Join-Path $Out "EntraPasskey-$(Get-ModuleVersion).zip"
    Compress-Archive -Path (Join-Path $Out 'EntraPasskey') -DestinationPath $zip -Force
    Write-Host "Packaged $zip"
}

Push-Location $Root
try {
    switch ($Task) {
        'Build' { Invoke-Build }
        'Test' { Invoke-Test }
        'Demo' { Invoke-Demo }
        'Sandbox' { Invoke-Sandbox }
        'Bench' { Invoke-Bench }
        'Soak' { Invoke-Soak }
        'Package' { Invoke-Package }
        'Catalog' { Invoke-Catalog }
        'Clean' { Invoke-Clean }
    }
}
finally {
    Pop-Location
}
