#!/usr/bin/env bash
# Installs the local sandbox (moto's server, pinned, into .venv/) if needed, then runs the whole test suite.
#   scripts/test.sh [cargo test args...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$HOME/.cache/miyabi-org/target}"

scripts/sandbox.sh install
cargo fmt --all -- --check
cargo clippy --locked --all-targets -q -- -D warnings
cargo test --locked "$@"
