#!/usr/bin/env bash
# Local AWS sandbox for miyabi-org: a moto server in .venv.
#
#   scripts/sandbox.sh install        create/refresh .venv from scripts/sandbox-requirements.txt
#   scripts/sandbox.sh start [PORT]   start moto_server on 127.0.0.1:PORT (default 4566) and
#                                     print `export AWS_ENDPOINT_URL=...` on stdout
#   scripts/sandbox.sh stop           stop the server started by `start`
#   scripts/sandbox.sh reset [PORT]   wipe all moto state (POST /moto-api/reset)
#
# Typical use:  eval "$(scripts/sandbox.sh start)"
# Everything except the export line goes to stderr.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

DEFAULT_PORT=4566
REQS="scripts/sandbox-requirements.txt"
VENV=".venv"
STATE=".sandbox"
PIDFILE="$STATE/moto.pid"
LOGFILE="$STATE/moto.log"

die() { echo "sandbox: $*" >&2; exit 1; }
note() { echo "sandbox: $*" >&2; }

check_port_arg() {
    [[ "$1" =~ ^[0-9]+$ ]] && (( $1 > 0 && $1 < 65536 )) || die "invalid port: $1"
}

# http METHOD URL -> exit 0 if the server answered with a 2xx status.
http() {
    python3 - "$1" "$2" <<'EOF'
import sys, urllib.request
method, url = sys.argv[1], sys.argv[2]
req = urllib.request.Request(url, method=method, data=b"" if method == "POST" else None)
try:
    with urllib.request.urlopen(req, timeout=2) as r:
        r.read()
        sys.exit(0 if 200 <= r.status < 300 else 1)
except Exception:
    sys.exit(1)
EOF
}

port_free() {
    python3 - "$1" <<'EOF'
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
try:
    s.bind(("127.0.0.1", int(sys.argv[1])))
except OSError:
    sys.exit(1)
finally:
    s.close()
EOF
}

# Prints the pid from the pid file if that process is alive and is a moto_server.
running_pid() {
    [[ -f "$PIDFILE" ]] || return 1
    local pid
    pid="$(tr -dc '0-9' < "$PIDFILE")"
    [[ -n "$pid" ]] || return 1
    kill -0 "$pid" 2>/dev/null || return 1
    if [[ -r "/proc/$pid/cmdline" ]] && ! tr '\0' ' ' < "/proc/$pid/cmdline" | grep -q moto_server; then
        return 1
    fi
    echo "$pid"
}

cmd_install() {
    [[ -f "$REQS" ]] || die "missing $REQS"
    if [[ -x "$VENV/bin/moto_server" && -f "$VENV/.installed" ]] && cmp -s "$REQS" "$VENV/.installed"; then
        return 0
    fi
    command -v python3 >/dev/null || die "python3 not found"
    note "installing $(tr '\n' ' ' < "$REQS")into $VENV"
    python3 -m venv "$VENV" >&2 || die "python3 -m venv failed"
    "$VENV/bin/pip" install -q -r "$REQS" >&2 || die "pip install failed"
    [[ -x "$VENV/bin/moto_server" ]] || die "$VENV/bin/moto_server missing after install"
    cp "$REQS" "$VENV/.installed"
}

cmd_start() {
    local port="${1:-$DEFAULT_PORT}"
    check_port_arg "$port"
    cmd_install
    mkdir -p "$STATE"

    local pid
    if pid="$(running_pid)"; then
        die "moto_server already running (pid $pid); run '$0 stop' first"
    fi
    rm -f "$PIDFILE"
    port_free "$port" || die "port $port on 127.0.0.1 is already in use"

    nohup "$VENV/bin/moto_server" -H 127.0.0.1 -p "$port" </dev/null >"$LOGFILE" 2>&1 &
    pid=$!
    echo "$pid" > "$PIDFILE"

    local url="http://127.0.0.1:$port"
    local deadline=$((SECONDS + 30))
    until http GET "$url/moto-api/"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            rm -f "$PIDFILE"
            tail -n 20 "$LOGFILE" >&2 || true
            die "moto_server exited during startup (see $LOGFILE)"
        fi
        if (( SECONDS >= deadline )); then
            kill "$pid" 2>/dev/null || true
            rm -f "$PIDFILE"
            tail -n 20 "$LOGFILE" >&2 || true
            die "moto_server did not answer on $url within 30s (see $LOGFILE)"
        fi
        sleep 0.2
    done
    note "moto_server running on $url (pid $pid, log $LOGFILE)"
    echo "export AWS_ENDPOINT_URL=$url"
}

cmd_stop() {
    local pid
    if pid="$(running_pid)"; then
        kill "$pid" 2>/dev/null || true
        local i
        for i in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        if kill -0 "$pid" 2>/dev/null; then
            kill -9 "$pid" 2>/dev/null || true
        fi
        note "stopped moto_server (pid $pid)"
    else
        note "moto_server not running"
    fi
    rm -f "$PIDFILE"
}

cmd_reset() {
    local port="${1:-$DEFAULT_PORT}"
    check_port_arg "$port"
    http POST "http://127.0.0.1:$port/moto-api/reset" || die "reset failed: no moto server answering on 127.0.0.1:$port"
    note "moto state reset on port $port"
}

usage() {
    sed -n '2,10p' "$ROOT/scripts/sandbox.sh" | sed 's/^# \{0,1\}//' >&2
    exit 2
}

case "${1:-}" in
    install) shift; (( $# == 0 )) || usage; cmd_install ;;
    start)   shift; (( $# <= 1 )) || usage; cmd_start "$@" ;;
    stop)    shift; (( $# == 0 )) || usage; cmd_stop ;;
    reset)   shift; (( $# <= 1 )) || usage; cmd_reset "$@" ;;
    *) usage ;;
esac
