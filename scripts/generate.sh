#!/usr/bin/env bash
# Regenerates the committed shell completions and man pages from the binary itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/miyabi-org/target}"
cargo build -q
bin="$CARGO_TARGET_DIR/debug/miyabi-org"
mkdir -p completions
for shell in bash zsh fish elvish powershell; do
    "$bin" completions "$shell" > "completions/miyabi-org.$shell"
done
rm -rf man
"$bin" -q man man
echo "generated completions/ and man/"
