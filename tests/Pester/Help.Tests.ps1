BeforeDiscovery {
    # Every exported cmdlet, so commands added later are held to the same bar.
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    $script:Commands = @((Get-Module EntraPasskey).ExportedCmdlets.Keys | Sort-Object | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module $env:ENTRAPASSKEY_MODULE -Force
    # -WhatIf and -Confirm are real parameters of the commands that change things, and are documented there.
    $script:Common = [System.Management.Automation.PSCmdlet]::CommonParameters

    function script:Text($Node) { (@($Node) | ForEach-Object { $_.Text } | Where-Object { $_ }) -join ' ' }
}

Describe 'Help for <Name>' -ForEach $Commands {
    BeforeAll {
        $script:Command = Get-Command $Name
        $script:Help = Get-Help $Name -Full
        $script:Documented = @($Help.parameters.parameter | Where-Object { $_ } )
        $script:Declared = @($Command.Parameters.Values | Where-Object Name -NotIn $Common)
    }

    It 'comes from the module''s help file, not the generated stub' {
        # Without a help file, Get-Help makes up a synopsis from the syntax and leaves the description empty.
        $Help.Synopsis | Should -Not -BeNullOrEmpty
        $Help.Synopsis.Trim() | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)"
        Text $Help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least two examples with code and remarks' {
        $examples = @($Help.examples.example)
        $examples.Count | Should -BeGreaterOrEqual 2
        foreach ($example in $examples) {
            $example.code | Should -Not -BeNullOrEmpty
            Text $example.remarks | Should -Not -BeNullOrEmpty
        }
    }

    It 'calls itself in its examples with parameters it has, in a parameter set it has' {
        foreach ($example in @($Help.examples.example)) {
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseInput(($example.code -join "`n"), [ref] $null, [ref] $errors)
            $errors | Should -BeNullOrEmpty -Because "the example '$($example.title.Trim('- '))' must parse"
            $calls = @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] -and $node.GetCommandName() -eq $Name }, $true))
            $calls.Count | Should -BeGreaterThan 0 -Because "the example '$($example.title.Trim('- '))' shows $Name"
            foreach ($call in $calls) {
                $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($call, $true)
                @($binding.BindingExceptions.Values | ForEach-Object { $_.BindingException.Message }) | Should -BeNullOrEmpty -Because "'$call' must bind"
            }
        }
    }

    It 'states the required permissions' {
        Text $Help.alertSet.alert | Should -Match 'Required permissions: \S'
    }

    It 'documents every parameter the cmdlet has' {
        $missing = $Declared.Name | Where-Object { $_ -notin $Documented.name }
        $missing | Should -BeNullOrEmpty -Because 'every parameter needs help'
    }

    It 'documents no parameter the cmdlet does not have' {
        $extra = $Documented.name | Where-Object { $_ -notin $Declared.Name }
        $extra | Should -BeNullOrEmpty
    }

    It 'describes each parameter with its type, requirement, position, pipeline input and aliases' {
        foreach ($parameter in $Declared) {
            $doc = $Documented | Where-Object name -EQ $parameter.Name
            if (-not $doc) { continue }
            $attributes = @($parameter.ParameterSets.Values)
            Text $doc.description | Should -Not -BeNullOrEmpty -Because "-$($parameter.Name) needs a description"
            $type = $parameter.ParameterType
            if ($type.IsGenericType -and $type.GetGenericTypeDefinition() -eq [Nullable`1]) { $type = $type.GetGenericArguments()[0] }
            $doc.type.name | Should -Be $type.FullName -Because "-$($parameter.Name) is a $type"
            $alwaysMandatory = @($attributes | Where-Object { -not $_.IsMandatory }).Count -eq 0
            $doc.required | Should -Be $alwaysMandatory.ToString().ToLowerInvariant() -Because "-$($parameter.Name) mandatory in every set: $alwaysMandatory"
            $position = @($attributes | Where-Object { $_.Position -ge 0 } | ForEach-Object Position | Select-Object -Unique)
            $doc.position | Should -Be $(if ($position.Count -gt 0) { "$($position[0])" } else { 'named' }) -Because "-$($parameter.Name) position"
            $byValue = [bool]($attributes | Where-Object ValueFromPipeline)
            $byName = [bool]($attributes | Where-Object ValueFromPipelineByPropertyName)
            ($doc.pipelineInput -match 'ByValue') | Should -Be $byValue -Because "-$($parameter.Name) pipeline by value"
            ($doc.pipelineInput -match 'ByPropertyName') | Should -Be $byName -Because "-$($parameter.Name) pipeline by property name"
            $aliases = @($doc.aliases -split ',\s*' | Where-Object { $_ -and $_ -ne 'none' } | Sort-Object)
            $aliases | Should -Be @($parameter.Aliases | Sort-Object) -Because "-$($parameter.Name) aliases"
        }
    }
}

Describe 'about_EntraPasskey' {
    BeforeAll {
        $script:About = Get-Content (Join-Path (Split-Path $env:ENTRAPASSKEY_MODULE) 'en-US/about_EntraPasskey.help.txt') -Raw
    }

    It 'explains the seven layers, the verdicts, the owner queues and the permissions' {
        foreach ($text in 'Authentication methods policy', 'Passkey profile', 'MFA bootstrap', 'Recent MFA session', 'Platform / browser', 'Hardware', 'Passkey provider',
            'Blocked', 'Unknown', 'AtRisk', 'Ready', 'IdentityTeam', 'Endpoint', 'PERMISSIONS', 'WINDOWS POWERSHELL 5.1') {
            $About | Should -Match ([regex]::Escape($text))
        }
    }

    It 'states the permissions of every command, and lists every command under SEE ALSO' {
        $permissions = [regex]::Match($About, '(?ms)^PERMISSIONS\r?\n(.*?)^\S').Groups[1].Value
        $seeAlso = [regex]::Match($About, '(?ms)^SEE ALSO\r?\n(.*)').Groups[1].Value
        foreach ($command in (Get-Module EntraPasskey).ExportedCmdlets.Keys) {
            $permissions | Should -Match "(?m)^    (\S+, )*$command(,|\r?$)" -Because "PERMISSIONS needs a heading for $command"
            $seeAlso | Should -Match "(?m)^    $command\r?$" -Because "SEE ALSO lists $command"
        }
    }

    It 'is found by Get-Help' {
        (Get-Help about_EntraPasskey | Out-String) | Should -Match 'seven layers'
    }
}
