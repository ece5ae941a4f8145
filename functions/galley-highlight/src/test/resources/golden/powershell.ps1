<#
  Publishes every draft in the folder.
#>
param(
    [string]$Path = ".\content",
    [switch]$WhatIf
)

$drafts = Get-ChildItem -Path $Path -Filter *.md -Recurse
foreach ($file in $drafts) {
    if ($file.Length -gt 1MB -and -not $WhatIf) {
        Write-Warning "Skipping $($file.Name): too large"
        continue
    }
    aws s3 cp $file.FullName "s3://galley-content/$($file.Name)" # upload
}
$env:AWS_PROFILE = 'galley'
