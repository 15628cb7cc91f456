#!/usr/bin/env python3
"""Build the certportal web bundle and serve it on http://127.0.0.1:8000/.

    ./serve.py                     set up, build (incrementally), then serve
    ./serve.py --no-build          serve the bundle as it is
    ./serve.py --port 8001         another port (0 picks a free one)
    ./serve.py --dir PATH          serve another bundle directory
    ./serve.py --host 0.0.0.0      listen on every interface (reachable from other machines)
    ./serve.py --quiet             no per-request log
    ./serve.py --stop-when-stdin-closes
                                   stop when standard input ends: a program that starts it (the
                                   browser tests) with a pipe there ends it by ending, even killed

Unless --no-build is given, runs `tools/setup.sh --serve` (installs what is missing),
`cmake --preset wasm` (first time only) and `cmake --build --preset wasm`.
The server sends the bundle's files only: no directory listings, no dotfiles, nothing
outside the bundle directory. Precompressed X.br / X.gz files are sent in place of X
when the browser accepts them. Stop with Ctrl-C.
"""

import argparse
import errno
import ipaddress
import os
import re
import signal
import socket
import socketserver
import stat
import subprocess
import sys
import threading
import time
import urllib.parse
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

REPO = os.path.dirname(os.path.realpath(__file__))
DEFAULT_DIR = os.path.join(REPO, "build", "wasm", "dist")
NODE_PATH = "/usr/share/nodejs"  # Debian's Node.js modules, used by the Emscripten build

MAX_URL = 2048           # longer request targets get 400
MAX_REQUEST_LINE = 65536  # bytes read at most for a request line
MAX_DRAINED_BODY = 65536  # a larger request body makes us close the connection instead
SOCKET_TIMEOUT = 30       # seconds an idle or slow connection may hold a thread

# Set explicitly: the OS mimetypes database differs between machines, and a wrong
# type for .wasm or .js breaks the page under nosniff.
MIME_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".wasm": "application/wasm",
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff2": "font/woff2",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}
DEFAULT_MIME_TYPE = "application/octet-stream"

SECURITY_HEADERS = [
    ("Content-Security-Policy",
     "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
     "img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
     "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Embedder-Policy", "require-corp"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
]

NO_CACHE = "no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
# A content hash as its own dot-separated part of the name: app.0123abcd.js
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.")

# Precompressed variants, in order of preference when the browser accepts both equally.
VARIANTS = [("br", ".br"), ("gzip", ".gz")]
QVALUE = re.compile(r"0(\.[0-9]{0,3})?|1(\.0{0,3})?")

# method SP request-target SP HTTP-version, strictly (RFC 9112 section 3).
REQUEST_LINE = re.compile(rb"([!#$%&'*+.^_`|~0-9A-Za-z-]+) ([\x21-\x7e]+) HTTP/1\.[01]\r?\n")
BAD_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")


class HttpError(Exception):
    def __init__(self, status):
        super().__init__(status)
        self.status = status


# --- Mapping a URL to a file ------------------------------------------------------

def url_segments(target):
    """Split a request target into decoded path segments.

    Returns (segments, wants_directory). Raises HttpError(400) for what is not a valid
    URL and HttpError(404) for names we never serve (dotfiles, '..', encoded separators).
    """
    if len(target) > MAX_URL or not target.startswith("/"):
        raise HttpError(400)  # overlong, or absolute-form / asterisk-form
    path = target.split("?", 1)[0].split("#", 1)[0]  # the query never selects a file
    raw_segments = path.split("/")[1:]
    wants_directory = raw_segments[-1] == ""
    if wants_directory:
        raw_segments.pop()
    segments = [decode_segment(raw) for raw in raw_segments]
    for segment in segments:
        # Empty ('//'), '.', '..' and dotfiles; separators or '%' that only appear after
        # decoding (%2f, %5c, double encoding) never name a file of the bundle.
        if segment == "" or segment.startswith(".") or any(c in segment for c in "/\\%"):
            raise HttpError(404)
    return segments, wants_directory


def decode_segment(raw):
    """Percent-decode one path segment strictly: bad escapes, bad UTF-8, control chars -> 400."""
    if BAD_PERCENT.search(raw):
        raise HttpError(400)
    try:
        segment = urllib.parse.unquote_to_bytes(raw).decode("utf-8")
    except UnicodeDecodeError:
        raise HttpError(400) from None
    if any(ord(c) < 0x20 or ord(c) == 0x7F for c in segment):
        raise HttpError(400)  # NUL and other control characters
    return segment


def contained(root, path):
    """The real path of `path` if it stays inside `root` and crosses no dot-name, else None.

    Resolving first catches symlinks that point outside the bundle or at a dotfile.
    """
    real = os.path.realpath(path)
    relative = os.path.relpath(real, root)
    if relative == ".":
        return real
    if any(part.startswith(".") for part in relative.split(os.sep)):
        return None  # outside ('..') or hidden
    return real


def find_file(root, segments, wants_directory):
    """Returns (logical, real) for the file a URL names; a directory means its index.html.

    `logical` is the name as requested (it decides type and caching), `real` the resolved file.
    """
    logical = os.path.join(root, *segments)
    real = contained(root, logical)
    if real is not None and os.path.isdir(real):
        logical = os.path.join(logical, "index.html")
        real = contained(root, logical)
    elif wants_directory:
        real = None  # 'file/' is not a directory
    if real is None or not os.path.isfile(real):
        raise HttpError(404)
    return logical, real


def precompressed_variants(root, logical):
    """{coding: real path} of the X.br / X.gz files next to X that stay inside the bundle."""
    found = {}
    for coding, suffix in VARIANTS:
        real = contained(root, logical + suffix)
        if real is not None and os.path.isfile(real):
            found[coding] = real
    return found


# --- Content negotiation, types, caching ------------------------------------------

def accepted_codings(header):
    """Parse Accept-Encoding into {coding: q}. A malformed q-value counts as q=0."""
    codings = {}
    for item in header.split(","):
        name, *params = item.split(";")
        name = name.strip().lower()
        if not name:
            continue
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                value = value.strip()
                q = float(value) if QVALUE.fullmatch(value) else 0.0
        codings[name] = q
    return codings


def choose_coding(header, available):
    """The coding to send among `available`, or None for the plain file.

    Highest q wins; on a tie br beats gzip. q=0 means refused.
    """
    codings = accepted_codings(header or "")
    if "gzip" not in codings and "x-gzip" in codings:
        codings["gzip"] = codings["x-gzip"]  # the old name, still to be understood as gzip
    unnamed = codings.get("*", 0.0)  # '*' stands for every coding not named
    best, best_q = None, 0.0
    for coding, _ in VARIANTS:
        q = codings.get(coding, unnamed)
        if coding in available and q > best_q:
            best, best_q = coding, q
    return best


def content_type(name):
    return MIME_TYPES.get(os.path.splitext(name)[1].lower(), DEFAULT_MIME_TYPE)


def cache_control(name):
    """Hashed names never change content, so browsers may keep them; the rest is revalidated."""
    base = os.path.basename(name)
    if os.path.splitext(base)[1].lower() in (".html", ".json") or not HASHED_NAME.search(base):
        return NO_CACHE
    return IMMUTABLE


def make_etag(file_stat, coding):
    suffix = "-" + coding if coding else ""
    return f'"{file_stat.st_size:x}-{file_stat.st_mtime_ns:x}{suffix}"'


def etag_matches(if_none_match, etag):
    """If-None-Match uses weak comparison: W/"x" matches "x"."""
    if if_none_match.strip() == "*":
        return True
    return etag in re.findall(r'(?:W/)?("[^"]*")', if_none_match)


def printable(text, limit=200):
    """Request data as it may appear in a log line: no control characters, bounded length."""
    text = "".join(c if " " <= c < "\x7f" else f"\\x{ord(c):02x}" for c in text)
    return text if len(text) <= limit else text[:limit] + "..."


# --- The server -------------------------------------------------------------------

class BundleHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    timeout = SOCKET_TIMEOUT

    def version_string(self):
        return "certportal-serve"  # no Python version in the Server header

    def handle_one_request(self):
        # Replaces the stock version: a strict request line, 405 instead of 501, and
        # error replies that always carry a status line (the stock parser answers some
        # malformed lines HTTP/0.9-style, without one).
        self.target = ""
        self.command = None
        self.request_version = ""
        try:
            raw = self.rfile.readline(MAX_REQUEST_LINE + 1)
            if not raw:
                self.close_connection = True
                return
            self.raw_requestline = raw
            self.requestline = printable(raw.rstrip(b"\r\n").decode("latin-1"))
            match = REQUEST_LINE.fullmatch(raw)
            if not match:
                self.send_error(HTTPStatus.BAD_REQUEST)
                return
            self.target = match.group(2).decode("ascii")
            if not self.parse_request() or not self.discard_body():
                return
            if self.command in ("GET", "HEAD"):
                self.serve_file(head_only=self.command == "HEAD")
            else:
                self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)
            self.wfile.flush()
        except TimeoutError:
            self.close_connection = True

    def discard_body(self):
        """Read away a small request body, so that the next request on this connection starts
        where it should and closing does not reset the connection before our reply is read."""
        if "Transfer-Encoding" in self.headers:
            self.close_connection = True
            return True
        length = self.headers.get("Content-Length")
        if length is None:
            return True
        if not re.fullmatch(r"[0-9]+", length.strip()):
            self.send_error(HTTPStatus.BAD_REQUEST)
            return False
        if int(length) > MAX_DRAINED_BODY:
            self.close_connection = True
        else:
            self.rfile.read(int(length))
        return True

    def serve_file(self, head_only):
        root = self.server.root
        try:
            segments, wants_directory = url_segments(self.target)
            logical, real = find_file(root, segments, wants_directory)
        except HttpError as error:
            self.send_error(error.status)
            return
        variants = precompressed_variants(root, logical)
        coding = choose_coding(self.headers.get("Accept-Encoding"), variants)
        try:
            file = open(variants[coding] if coding else real, "rb")
        except OSError:
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        with file:
            file_stat = os.fstat(file.fileno())
            if not stat.S_ISREG(file_stat.st_mode):
                self.send_error(HTTPStatus.NOT_FOUND)
                return
            etag = make_etag(file_stat, coding)
            headers = [("Content-Length", str(file_stat.st_size)),
                       ("ETag", etag),
                       ("Cache-Control", cache_control(logical))]
            if variants:
                headers.append(("Vary", "Accept-Encoding"))  # the answer depends on it
            if etag_matches(self.headers.get("If-None-Match", ""), etag):
                self.send_status_and_headers(HTTPStatus.NOT_MODIFIED, headers)
                self.log_response(HTTPStatus.NOT_MODIFIED, 0, coding)
                return
            headers.append(("Content-Type", content_type(logical)))
            if coding:
                headers.append(("Content-Encoding", coding))
            self.send_status_and_headers(HTTPStatus.OK, headers)
            sent = 0 if head_only else self.copy_body(file, file_stat.st_size)
            self.log_response(HTTPStatus.OK, sent, coding)

    def copy_body(self, file, size):
        """Send exactly `size` bytes, the promised Content-Length."""
        sent = 0
        while sent < size:
            chunk = file.read(min(65536, size - sent))
            if not chunk:
                self.close_connection = True  # the file shrank: the reply is cut short
                break
            self.wfile.write(chunk)
            sent += len(chunk)
        return sent

    def send_status_and_headers(self, status, headers):
        self.send_response(status)
        for name, value in SECURITY_HEADERS + headers:
            self.send_header(name, value)
        self.end_headers()

    def send_error(self, code, message=None, explain=None):
        # Replaces the stock HTML error page: fixed text that echoes nothing from the
        # request, and the same security headers as every other response.
        status = HTTPStatus(code)
        body = f"{status.value} {status.phrase}\n".encode()
        headers = [("Content-Type", "text/plain; charset=utf-8"),
                   ("Content-Length", str(len(body))),
                   ("Cache-Control", NO_CACHE)]
        if status == HTTPStatus.METHOD_NOT_ALLOWED:
            headers.append(("Allow", "GET, HEAD"))
        if status not in (HTTPStatus.NOT_FOUND, HTTPStatus.METHOD_NOT_ALLOWED):
            headers.append(("Connection", "close"))  # the request itself was broken
        self.send_status_and_headers(status, headers)
        sent = 0
        if self.command != "HEAD":
            self.wfile.write(body)
            sent = len(body)
        self.log_response(status, sent, None)

    def log_request(self, code="-", size="-"):
        pass  # send_response would log here; log_response logs once the body is sent

    def log_response(self, status, sent, coding):
        target = self.target or self.requestline
        self.log_message("%s %s %d %d %s", self.command or "-", printable(target),
                         status, sent, coding or "-")

    def log_message(self, format, *args):
        if not self.server.quiet:
            line = time.strftime("%H:%M:%S ") + (format % args)
            sys.stderr.write(line + "\n")
            sys.stderr.flush()


class BundleServer(ThreadingHTTPServer):
    daemon_threads = True      # open keep-alive connections must not delay Ctrl-C
    allow_reuse_port = False   # a second server on the same port must fail, not share it

    def __init__(self, address, root, quiet):
        self.address_family = address_family(address[0])
        self.root = root
        self.quiet = quiet
        super().__init__(address, BundleHandler)

    def server_bind(self):
        # HTTPServer.server_bind() also calls socket.getfqdn(), a reverse DNS lookup that
        # can take seconds; nothing here needs the name.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = self.server_address[:2]

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], ConnectionError):
            return  # the browser went away mid-reply: normal, not worth a traceback
        super().handle_error(request, client_address)


def address_family(host):
    try:
        if ipaddress.ip_address(host).version == 6:
            return socket.AF_INET6
    except ValueError:
        pass  # a host name
    return socket.AF_INET


def is_loopback(host):
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def browser_url(host, port):
    """The URL to open; for a wildcard address, the local one."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)
    if ":" in host:
        host = f"[{host}]"
    return f"http://{host}:{port}/"


# --- Building ---------------------------------------------------------------------

def build_bundle():
    """Set up, configure once, build. Returns True on success, after saying what failed."""
    env = dict(os.environ)
    env["NODE_PATH"] = os.pathsep.join(p for p in (NODE_PATH, env.get("NODE_PATH")) if p)
    steps = [["tools/setup.sh", "--serve"]]
    if not os.path.exists(os.path.join(REPO, "build", "wasm", "CMakeCache.txt")):
        steps.append(["cmake", "--preset", "wasm"])
    steps.append(["cmake", "--build", "--preset", "wasm"])  # ninja rebuilds only what is stale
    for step in steps:
        shown = " ".join(step)
        print(f"serve: $ {shown}", flush=True)
        # bash runs the script even where a copy lost its executable bit
        command = ["bash"] + step if step[0].endswith(".sh") else step
        try:
            result = subprocess.run(command, cwd=REPO, env=env)
        except FileNotFoundError:
            print(f"serve: build failed: {command[0]} is not installed "
                  "(tools/setup.sh --serve should have installed it)", file=sys.stderr)
            return False
        if result.returncode != 0:
            print(f"serve: build failed: `{shown}` exited with status {result.returncode} "
                  "(see the messages above); fix it, or serve an existing bundle with --no-build",
                  file=sys.stderr)
            return False
    return True


# --- Command line -----------------------------------------------------------------

def parse_args(argv):
    parser = argparse.ArgumentParser(
        prog="serve.py", description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=port_number, default=8000,
                        help="port to listen on, 0 for any free one (default 8000)")
    parser.add_argument("--dir", default=DEFAULT_DIR,
                        help="bundle directory to serve (default build/wasm/dist)")
    parser.add_argument("--no-build", action="store_true",
                        help="serve the bundle as it is, without set-up and build")
    parser.add_argument("--quiet", action="store_true", help="no per-request log")
    parser.add_argument("--stop-when-stdin-closes", action="store_true",
                        help="stop when standard input reaches its end: a program that starts "
                             "the server with a pipe there ends it by ending, even when killed")
    return parser.parse_args(argv)


def port_number(text):
    port = int(text)
    if not 0 <= port <= 65535:
        raise argparse.ArgumentTypeError(f"{text} is not a port number (0-65535)")
    return port


def start_server(host, port, root, quiet):
    """The listening server, or None after a one-line reason."""
    try:
        return BundleServer((host, port), root, quiet)
    except OSError as error:
        if error.errno == errno.EADDRINUSE:
            other = port + 1 if port < 65535 else port - 1
            reason = f"port {port} is already in use on {host}; try --port {other}"
        elif error.errno == errno.EACCES:
            reason = f"no permission to listen on port {port}; try --port 8000"
        else:
            reason = f"cannot listen on {host} port {port}: {error.strerror or error}"
        print(f"serve: {reason}", file=sys.stderr)
        return None


def stop_on_signal(signum, frame):
    raise KeyboardInterrupt


def stop_when_stdin_closes(server):
    """Stops `server` once standard input reaches its end. The kernel closes a pipe's writing end
    when its owner dies, by whatever means (SIGKILL included), so a server started by a program
    with a pipe on its stdin never outlives that program, whatever it did or failed to do."""
    def watch():
        # os.read, not sys.stdin: a daemon thread blocked inside the buffered reader holds its
        # lock, and the interpreter's shutdown (Ctrl-C, SIGTERM) then aborts on that lock.
        try:
            while os.read(sys.stdin.fileno(), 65536):
                pass
        except OSError:
            pass
        server.shutdown()
    threading.Thread(target=watch, name="stdin-watch", daemon=True).start()


def main(argv):
    # Ctrl-C must stop the server even when started from a shell that ignores SIGINT
    # for background jobs; SIGTERM (docker stop, ctest timeouts) ends it the same way.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, stop_on_signal)
    args = parse_args(argv)
    try:
        if not args.no_build and not build_bundle():
            return 1
        root = os.path.realpath(args.dir)
        if not os.path.isdir(root):
            hint = "run ./serve.py without --no-build" if args.no_build else "check --dir"
            print(f"serve: bundle directory {args.dir} does not exist; {hint}", file=sys.stderr)
            return 2
        server = start_server(args.host, args.port, root, args.quiet)
        if server is None:
            return 2
        with server:
            if not is_loopback(args.host):
                print(f"serve: warning: listening on {args.host}: the simulator is then "
                      "reachable from other machines", file=sys.stderr, flush=True)
            port = server.server_address[1]
            print(f"serve: serving {root}", flush=True)
            print(f"serve: portal at {browser_url(args.host, port)}  (Ctrl-C to stop)", flush=True)
            if args.stop_when_stdin_closes:
                stop_when_stdin_closes(server)
            server.serve_forever()
    except KeyboardInterrupt:
        print("\nserve: stopped, bye.", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
