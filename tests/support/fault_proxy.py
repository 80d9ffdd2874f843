#!/usr/bin/env python3
"""Fault-injecting HTTP reverse proxy for the miyabi-org test suite (stdlib only).

    python3 tests/support/fault_proxy.py --upstream http://127.0.0.1:PORT \
        [--port 0] [--throttle 0.0] [--throttle-only OPERATION ...] \
        [--error500 0.0] [--delay-ms 0] [--seed 1] \
        [--log FILE] [--expired-token] [--refuse OPERATION ...]
        [--hold OPERATION ...] [--hold-after OPERATION ...]
        [--conflict OPERATION ...] [--conflict-rate 0.5] [--conflict-streak 3]

Prints exactly one line `ready PORT` on stdout once it is listening on 127.0.0.1.

For each request the operation name is taken from the X-Amz-Target header (part
after the last '.': `AWSOrganizationsV20161128.CreatePolicy`, IAM Identity
Center's `SWBExternalService.CreateAccountAssignment`, the identity store's
`AWSIdentityStore.GetGroupId`), else from the `Action` parameter of a
form-encoded body or the query string, else it is `METHOD PATH`.  Requests
under /moto-api are forwarded untouched and not logged.  Every other request
is, in this order:

  * --expired-token: answered with an expired-credentials error;
  * an operation named by --refuse: answered with a ConstraintViolationException
    (HTTP 400, not retried), as AWS refuses a request it will never accept;
  * an operation named by --hold: never forwarded and never answered, as a
    request lost on the way to AWS (the client can only be killed or time out);
  * with probability --throttle (only for the operations named by --throttle-only,
    when given): answered with a throttling error (HTTP 400):
    the service's own (TooManyRequestsException for Organizations,
    ThrottlingException for sso-admin and the identity store, Throttling for
    query-protocol services);
  * else with probability --error500: answered with an HTTP 500 service error;
  * else, for an operation named by --conflict, with probability --conflict-rate:
    answered with a ConflictException (HTTP 400), as IAM Identity Center
    refuses a change while another to the same permission set or account is
    under way (the SDK does not retry it; the client must).  The same request
    (operation and body) is refused at most --conflict-streak times in a row,
    so that a client that retries gets through;
  * else delayed by a uniform 0..--delay-ms milliseconds and forwarded; an
    operation named by --hold-after is then never answered, as a request that
    reached AWS and whose answer was lost.

Faults are answered without contacting the upstream.  JSON-protocol requests
(those with X-Amz-Target) get JSON errors; the others (query protocol, e.g. STS)
get XML errors.  With --log FILE one line per request is appended and flushed:
`<Operation> <outcome> <status>`, outcome one of forwarded, throttled, error500,
conflict, expired, refused, held, upstream-error (a held request is logged as
`held 0`, one held after forwarding as `forwarded STATUS`).
"""

import argparse
import http.client
import http.server
import json
import random
import signal
import socket
import sys
import threading
import time
import urllib.parse

JSON_THROTTLE = (
    b'{"__type":"TooManyRequestsException","Message":"AWS Organizations can\'t complete '
    b'your request because another request is already in progress. Try again later."}'
)
# The throttling error of sso-admin and the identity store (both retried by the SDK).
JSON_THROTTLE_SSO = b'{"__type":"ThrottlingException","Message":"Rate exceeded"}'
JSON_CONFLICT = (
    b'{"__type":"ConflictException","Message":"Could not complete the operation because '
    b'another operation on this resource is in progress. Retry the operation later."}'
)
# X-Amz-Target prefixes of the services that answer ThrottlingException.
SSO_TARGETS = ("SWBExternalService.", "AWSIdentityStore.")
JSON_REFUSED = (
    b'{"__type":"ConstraintViolationException","Message":"injected refusal",'
    b'"Reason":"POLICY_NUMBER_LIMIT_EXCEEDED"}'
)
JSON_ERROR500 = b'{"__type":"ServiceException","Message":"injected fault"}'
JSON_EXPIRED = (
    b'{"__type":"ExpiredTokenException","message":'
    b'"The security token included in the request is expired"}'
)


def xml_error(typ, code, message):
    return (
        '<ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">'
        "<Error><Type>%s</Type><Code>%s</Code><Message>%s</Message></Error>"
        "<RequestId>0</RequestId></ErrorResponse>" % (typ, code, message)
    ).encode()


XML_THROTTLE = xml_error("Sender", "Throttling", "Rate exceeded")
XML_ERROR500 = xml_error("Receiver", "InternalFailure", "injected fault")
XML_EXPIRED = xml_error(
    "Sender", "ExpiredToken", "The security token included in the request is expired"
)

# Request headers not copied to the upstream (hop-by-hop or recomputed).
DROP_REQUEST_HEADERS = {
    "host", "connection", "content-length", "keep-alive", "proxy-connection",
    "transfer-encoding", "te", "upgrade", "expect",
}
# Response headers not relayed back to the client.
DROP_RESPONSE_HEADERS = {
    "transfer-encoding", "connection", "content-length", "keep-alive",
    "proxy-connection", "upgrade",
}
CLIENT_GONE = (BrokenPipeError, ConnectionResetError, ConnectionAbortedError, socket.timeout)


class Proxy:
    def __init__(self, args):
        up = urllib.parse.urlsplit(args.upstream)
        if up.scheme not in ("http", "") or not up.hostname:
            raise SystemExit("fault_proxy: --upstream must be http://HOST:PORT")
        self.up_host = up.hostname
        self.up_port = up.port or 80
        self.up_prefix = up.path.rstrip("/")
        self.throttle = args.throttle
        self.throttle_only = set(args.throttle_only or [])
        self.error500 = args.error500
        self.delay_ms = args.delay_ms
        self.expired = args.expired_token
        self.refuse = set(args.refuse or [])
        self.hold = set(args.hold or [])
        self.hold_after = set(args.hold_after or [])
        self.conflict = set(args.conflict or [])
        self.conflict_rate = args.conflict_rate
        self.conflict_streak = args.conflict_streak
        self.rng = random.Random(args.seed)
        # Its own generator: --conflict leaves the throttle and error500 draws as they were.
        self.conflict_rng = random.Random(args.seed)
        # Conflicts answered in a row, by (operation, body).
        self.conflicts = {}
        self.rng_lock = threading.Lock()
        self.log_file = open(args.log, "a", encoding="utf-8") if args.log else None
        self.log_lock = threading.Lock()
        self.local = threading.local()

    def draw(self):
        """Three uniform draws for one request: throttle, error500, delay."""
        with self.rng_lock:
            return self.rng.random(), self.rng.random(), self.rng.random()

    def conflicts_with(self, op, body):
        """Whether to answer this request with a ConflictException."""
        if op not in self.conflict:
            return False
        key = (op, body)
        with self.rng_lock:
            streak = self.conflicts.get(key, 0)
            if streak < self.conflict_streak and self.conflict_rng.random() < self.conflict_rate:
                self.conflicts[key] = streak + 1
                return True
            self.conflicts.pop(key, None)
            return False

    def log(self, op, outcome, status):
        if self.log_file is None:
            return
        with self.log_lock:
            self.log_file.write("%s %s %d\n" % (op, outcome, status))
            self.log_file.flush()

    def upstream_conn(self, fresh=False):
        conn = getattr(self.local, "conn", None)
        if fresh and conn is not None:
            conn.close()
            conn = None
        reused = conn is not None
        if conn is None:
            conn = http.client.HTTPConnection(self.up_host, self.up_port, timeout=120)
            self.local.conn = conn
        return conn, reused

    def forward(self, method, path, headers, body):
        """Send the request upstream; returns (status, reason, header list, body)."""
        for attempt in (0, 1):
            conn, reused = self.upstream_conn(fresh=attempt > 0)
            try:
                conn.putrequest(method, self.up_prefix + path, skip_accept_encoding=True)
                for k, v in headers:
                    conn.putheader(k, v)
                if body or method not in ("GET", "HEAD", "DELETE", "OPTIONS"):
                    conn.putheader("Content-Length", str(len(body)))
                conn.endheaders(body if body else None)
                resp = conn.getresponse()
                data = resp.read()
                if resp.will_close:
                    conn.close()
                return resp.status, resp.reason, resp.getheaders(), data
            except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError,
                    http.client.CannotSendRequest, http.client.ResponseNotReady):
                conn.close()
                self.local.conn = None
                # A kept-alive connection the upstream closed in the meantime: retry once.
                if attempt == 0 and reused:
                    continue
                raise
            except Exception:
                conn.close()
                self.local.conn = None
                raise
        raise RuntimeError("unreachable")


def hold_forever():
    """Keeps a request unanswered; the handler thread is a daemon and ends with the proxy."""
    threading.Event().wait()


def operation_name(method, path, headers, body):
    target = headers.get("X-Amz-Target")
    if target:
        return target.rsplit(".", 1)[-1]
    ctype = (headers.get("Content-Type") or "").lower()
    if body and "x-www-form-urlencoded" in ctype:
        action = urllib.parse.parse_qs(body.decode("utf-8", "replace")).get("Action")
        if action:
            return action[0]
    query = urllib.parse.urlsplit(path).query
    if query:
        action = urllib.parse.parse_qs(query).get("Action")
        if action:
            return action[0]
    return "%s %s" % (method, urllib.parse.urlsplit(path).path)


def make_handler(proxy):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "fault-proxy"

        def version_string(self):
            return self.server_version

        def log_message(self, format, *args):  # quiet
            pass

        def read_body(self):
            te = (self.headers.get("Transfer-Encoding") or "").lower()
            if "chunked" in te:
                chunks = []
                while True:
                    line = self.rfile.readline(65537)
                    if not line:
                        raise ConnectionResetError("client closed mid-body")
                    size = int(line.split(b";", 1)[0].strip() or b"0", 16)
                    if size == 0:
                        # trailers until blank line
                        while self.rfile.readline(65537) not in (b"\r\n", b"\n", b""):
                            pass
                        break
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline(65537)
                return b"".join(chunks)
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length > 0 else b""
            if len(body) < length:
                raise ConnectionResetError("client closed mid-body")
            return body

        def reply(self, status, ctype, body, extra=()):
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("x-amzn-RequestId", "00000000-0000-0000-0000-000000000000")
            for k, v in extra:
                self.send_header(k, v)
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            self.wfile.flush()

        def fault(self, op, outcome, is_json, json_status, json_body, xml_status, xml_body,
                  json_ctype):
            # Log first: the line must exist even if the client has gone away.
            if is_json:
                proxy.log(op, outcome, json_status)
                self.reply(json_status, json_ctype, json_body,
                           [("x-amzn-ErrorType", json.loads(json_body)["__type"])])
            else:
                proxy.log(op, outcome, xml_status)
                self.reply(xml_status, "text/xml", xml_body)

        def handle_any(self):
            try:
                body = self.read_body()
            except CLIENT_GONE:
                self.close_connection = True
                return
            except ValueError:
                self.close_connection = True
                self.reply(400, "text/plain", b"bad request body\n")
                return

            path = self.path
            headers = [(k, v) for k, v in self.headers.items()
                       if k.lower() not in DROP_REQUEST_HEADERS]
            if path.startswith("/moto-api"):
                self.relay(None, path, headers, body)
                return

            op = operation_name(self.command, path, self.headers, body)
            is_json = bool(self.headers.get("X-Amz-Target"))
            req_ctype = self.headers.get("Content-Type") or ""
            json_ctype = (req_ctype if req_ctype.startswith("application/x-amz-json")
                          else "application/x-amz-json-1.1")

            if proxy.expired:
                self.fault(op, "expired", is_json, 400, JSON_EXPIRED, 403, XML_EXPIRED,
                           json_ctype)
                return
            if op in proxy.refuse and is_json:
                self.fault(op, "refused", is_json, 400, JSON_REFUSED, 400, b"", json_ctype)
                return
            if op in proxy.hold:
                proxy.log(op, "held", 0)
                hold_forever()
            r_throttle, r_error, r_delay = proxy.draw()
            throttled = not proxy.throttle_only or op in proxy.throttle_only
            if throttled and r_throttle < proxy.throttle:
                target = self.headers.get("X-Amz-Target") or ""
                throttle = JSON_THROTTLE_SSO if target.startswith(SSO_TARGETS) else JSON_THROTTLE
                self.fault(op, "throttled", is_json, 400, throttle, 400, XML_THROTTLE, json_ctype)
                return
            if r_error < proxy.error500:
                self.fault(op, "error500", is_json, 500, JSON_ERROR500, 500, XML_ERROR500,
                           json_ctype)
                return
            if is_json and proxy.conflicts_with(op, body):
                self.fault(op, "conflict", is_json, 400, JSON_CONFLICT, 400, b"", json_ctype)
                return
            if proxy.delay_ms > 0:
                time.sleep(r_delay * proxy.delay_ms / 1000.0)
            self.relay(op, path, headers, body)

        def relay(self, op, path, headers, body):
            try:
                status, reason, up_headers, data = proxy.forward(self.command, path, headers, body)
            except (OSError, http.client.HTTPException) as e:
                msg = ("fault_proxy: upstream error: %s\n" % e).encode()
                if op is not None:
                    proxy.log(op, "upstream-error", 502)
                self.reply(502, "text/plain", msg)
                return
            # Logged once the upstream has handled it, even if the client is gone.
            if op is not None:
                proxy.log(op, "forwarded", status)
            if op in proxy.hold_after:
                hold_forever()
            self.send_response_only(status, reason)
            for k, v in up_headers:
                if k.lower() not in DROP_RESPONSE_HEADERS:
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(data)
            self.wfile.flush()

        def __getattr__(self, name):
            if name.startswith("do_"):
                return self.handle_any
            raise AttributeError(name)

        def handle_one_request(self):
            try:
                super().handle_one_request()
            except CLIENT_GONE:
                self.close_connection = True

    return Handler


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def handle_error(self, request, client_address):
        exc = sys.exc_info()[1]
        if isinstance(exc, CLIENT_GONE + (OSError,)):
            return
        super().handle_error(request, client_address)


def probability(s):
    v = float(s)
    if not 0.0 <= v <= 1.0:
        raise argparse.ArgumentTypeError("must be between 0 and 1")
    return v


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--upstream", required=True, help="http://HOST:PORT of the real endpoint")
    p.add_argument("--port", type=int, default=0, help="listen port on 127.0.0.1 (0 = any)")
    p.add_argument("--throttle", type=probability, default=0.0)
    p.add_argument("--throttle-only", action="append", metavar="OPERATION",
                   help="throttle only this operation (repeatable; default: all)")
    p.add_argument("--error500", type=probability, default=0.0)
    p.add_argument("--delay-ms", type=int, default=0)
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--log", help="append one line per request to this file")
    p.add_argument("--expired-token", action="store_true")
    p.add_argument("--refuse", action="append", metavar="OPERATION",
                   help="always refuse this operation (repeatable)")
    p.add_argument("--hold", action="append", metavar="OPERATION",
                   help="never forward nor answer this operation (repeatable)")
    p.add_argument("--hold-after", action="append", metavar="OPERATION",
                   help="forward this operation, then never answer (repeatable)")
    p.add_argument("--conflict", action="append", metavar="OPERATION",
                   help="answer this JSON operation with ConflictException at --conflict-rate "
                        "(repeatable)")
    p.add_argument("--conflict-rate", type=probability, default=0.5)
    p.add_argument("--conflict-streak", type=int, default=3,
                   help="most ConflictExceptions in a row for one request (operation and body)")
    args = p.parse_args()

    proxy = Proxy(args)
    server = Server(("127.0.0.1", args.port), make_handler(proxy))

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    sys.stdout.write("ready %d\n" % server.server_address[1])
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.1)
    finally:
        server.server_close()
        if proxy.log_file is not None:
            proxy.log_file.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
