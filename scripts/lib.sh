# Shared by scripts/demo.sh and scripts/bench.sh (sourced; the caller defines step, note and die).

SANDBOX_STARTED=0

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

# Installs and starts a sandbox of this run's own on a free port, with credentials only it accepts.
start_sandbox() {
    step "starting the sandbox"
    "$ROOT/scripts/sandbox.sh" install
    local port exports
    port="$(free_port)"
    exports="$("$ROOT/scripts/sandbox.sh" start "$port")" || die "could not start the sandbox"
    SANDBOX_STARTED=1
    eval "$exports"
    export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing
    export AWS_DEFAULT_REGION=us-east-1
    unset AWS_PROFILE
}

# For the caller's EXIT trap: stops the sandbox only if this run started it.
stop_started_sandbox() {
    if (( SANDBOX_STARTED )); then
        "$ROOT/scripts/sandbox.sh" stop || true
    fi
}
