#!/usr/bin/env bash
# Runs a full re-render on a deployed stage and fails if the function failed.
#   infrastructure/scripts/invoke-rebuild.sh <stage> [region]
# Invokes the "live" alias synchronously with {"action":"rebuild"} (the function
# re-renders every article and invalidates /* once). Lambda answers HTTP 200 even
# when the function throws; the failure is in the FunctionError field, so that is
# what this checks.
set -euo pipefail

stage="${1:?usage: invoke-rebuild.sh <dev|prod> [region]}"
region="${2:-${AWS_REGION:-eu-west-1}}"
stack="galley-${stage}"
out_dir="$(mktemp -d)"
trap 'rm -rf "$out_dir"' EXIT

function_name="$(aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='FunctionName'].OutputValue" --output text)"
if [[ -z "$function_name" || "$function_name" == "None" ]]; then
  echo "stack $stack has no FunctionName output" >&2
  exit 1
fi

# The function may run up to its 300 s timeout: keep the CLI from giving up first.
aws lambda invoke --region "$region" \
  --function-name "$function_name" --qualifier live \
  --cli-binary-format raw-in-base64-out \
  --cli-read-timeout 330 \
  --payload '{"action":"rebuild"}' \
  "$out_dir/response.json" > "$out_dir/invoke.json"

echo "invoke: $(cat "$out_dir/invoke.json")"
echo "response: $(cat "$out_dir/response.json")"

if grep -q '"FunctionError"' "$out_dir/invoke.json"; then
  echo "::error::the rebuild of $function_name:live failed (FunctionError); see the response above and its logs" >&2
  exit 1
fi
if ! grep -Eq '"StatusCode": *200' "$out_dir/invoke.json"; then
  echo "::error::unexpected invoke status for $function_name:live" >&2
  exit 1
fi
# The function does not fail on a refused invalidation (pages expire from the CDN
# within 60 s anyway); say so in the job's summary.
if grep -q '"invalidation":"failed' "$out_dir/response.json"; then
  echo "::warning::the rebuild succeeded but its CloudFront invalidation failed; readers see the new pages within 60 s" >&2
fi
echo "rebuild of $function_name:live succeeded"
