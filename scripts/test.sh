#!/usr/bin/env bash
# Installs the local sandbox (moto's server, pinned, into .venv/) if needed, then runs the whole test suite.
#   scripts/test.sh [cargo test args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/miyabi-org/target}"

scripts/sandbox.sh install
cargo fmt --all -- --check
cargo clippy --locked --all-targets -q -- -D warnings
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
# Every test binary runs even when one fails, so one failure never hides the others.
set +e
cargo test --locked --no-fail-fast "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# One closing line over every test binary.
awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
     END { printf "tests: %d passed, %d failed\n", p, f }' "$log"
exit "$status"
