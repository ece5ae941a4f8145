#!/usr/bin/env bash
set -euo pipefail

BUCKET="${1:-galley-content}"
for file in content/*.md; do
  if [[ -s "$file" ]]; then
    aws s3 cp "$file" "s3://$BUCKET/$(basename "$file")" --quiet
  fi
done
cat <<EOF > summary.txt
uploaded to $BUCKET
EOF
echo "done" >&2
