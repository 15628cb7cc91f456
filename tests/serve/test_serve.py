"""Tests for serve.py: run it as a subprocess on a free port against temporary bundles.

    cd tests/serve && python3 -m unittest -v test_serve
"""

import gzip
import http.client
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unittest

SERVE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "serve.py")
SECRET = b"TOP-SECRET-OUTSIDE-THE-BUNDLE"

CSP = ("default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
       "img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Embedder-Policy": "require-corp",
    "Cross-Origin-Resource-Policy": "same-origin",
}
IMMUTABLE = "public, max-age=31536000, immutable"

INDEX = b"<!doctype html><title>certportal</title>"
APP_JS = b"console.log('plain');\n" * 20
APP_JS_BR = b"BROTLI-BYTES-OF-APP-JS"
APP_JS_GZ = gzip.compress(APP_JS, mtime=0)

MIME_CASES = {
    "page.html": "text/html; charset=utf-8",
    "mod.js": "text/javascript; charset=utf-8",
    "mod.mjs": "text/javascript; charset=utf-8",
    "style.css": "text/css; charset=utf-8",
    "data.json": "application/json",
    "app.wasm": "application/wasm",
    "font.ttf": "font/ttf",
    "font.otf": "font/otf",
    "font.woff2": "font/woff2",
    "logo.png": "image/png",
    "logo.svg": "image/svg+xml",
    "favicon.ico": "image/x-icon",
    "notes.txt": "text/plain; charset=utf-8",
    "mod.js.map": "application/json",
    "blob.xyz": "application/octet-stream",
    "noextension": "application/octet-stream",
}


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def make_bundle(parent):
    """A bundle in parent/dist, with a secret file and a secret folder beside it."""
    write(os.path.join(parent, "outside-secret.txt"), SECRET)
    write(os.path.join(parent, "outside-dir", "inner.txt"), SECRET)
    dist = os.path.join(parent, "dist")
    write(os.path.join(dist, "index.html"), INDEX)
    write(os.path.join(dist, "app.js"), APP_JS)
    write(os.path.join(dist, "app.js.br"), APP_JS_BR)
    write(os.path.join(dist, "app.js.gz"), APP_JS_GZ)
    write(os.path.join(dist, "only-gz.css"), b"body{}")
    write(os.path.join(dist, "only-gz.css.gz"), gzip.compress(b"body{}", mtime=0))
    write(os.path.join(dist, "app.0123abcd.js"), b"hashed")
    write(os.path.join(dist, "app.0123abcd.js.br"), b"hashed-br")
    write(os.path.join(dist, "app.0123abc.js"), b"seven hex digits: not a hash")
    write(os.path.join(dist, "app.0123ABCD.js"), b"upper case: not a hash")
    write(os.path.join(dist, "data.0123abcd.json"), b"{}")
    write(os.path.join(dist, "page.0123abcd.html"), b"<p>hashed html</p>")
    for name in MIME_CASES:
        write(os.path.join(dist, "types", name), name.encode())
    write(os.path.join(dist, "sub", "index.html"), b"<p>sub index</p>")
    os.makedirs(os.path.join(dist, "empty"))
    write(os.path.join(dist, ".env"), b"SECRET=" + SECRET)
    write(os.path.join(dist, ".git", "config"), SECRET)
    write(os.path.join(dist, "sub", ".hidden"), SECRET)
    os.symlink(os.path.join(parent, "outside-secret.txt"), os.path.join(dist, "leak.txt"))
    os.symlink(os.path.join(parent, "outside-dir"), os.path.join(dist, "leakdir"))
    os.symlink("app.js", os.path.join(dist, "alias.js"))  # inside: allowed
    os.symlink(".env", os.path.join(dist, "env-alias.txt"))  # a dotfile by another name
    # A precompressed variant that is a symlink to outside must never be sent.
    write(os.path.join(dist, "lure.js"), b"lure plain")
    os.symlink(os.path.join(parent, "outside-secret.txt"), os.path.join(dist, "lure.js.gz"))
    return dist


def wait_for_url(proc, out_path, timeout=10.0):
    """The URL serve.py prints once it listens, or None if it exited first."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(out_path) as f:
            match = re.search(r"portal at (http://127\.0\.0\.1:(\d+)/)", f.read())
        if match:
            return match.group(1), int(match.group(2))
        if proc.poll() is not None:
            return None
        time.sleep(0.02)
    return None


class ServerProcess:
    """serve.py in a subprocess; stdout and stderr go to files so that no pipe can fill up."""

    def __init__(self, args, workdir, env=None, serve=SERVE, test=None, stdin=subprocess.DEVNULL):
        self.out_path = os.path.join(workdir, "stdout.txt")
        self.err_path = os.path.join(workdir, "stderr.txt")
        with open(self.out_path, "wb") as out, open(self.err_path, "wb") as err:
            self.proc = subprocess.Popen([sys.executable, serve] + args, stdout=out, stderr=err,
                                         stdin=stdin, env=env)
        if test is not None:
            test.addCleanup(self.stop, signal.SIGKILL)  # even when the test fails half-way

    def start(self):
        found = wait_for_url(self.proc, self.out_path)
        if found is None:
            self.stop()
            raise AssertionError("serve.py did not start:\n" + self.stdout() + self.stderr())
        self.url, self.port = found
        return self

    def stop(self, sig=signal.SIGINT):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode

    def wait(self, timeout=10):
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise

    def stdout(self):
        with open(self.out_path) as f:
            return f.read()

    def stderr(self):
        with open(self.err_path) as f:
            return f.read()


def request(port, method, path, headers=None):
    """One request on a fresh connection: (status, headers, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response.status, response.headers, response.read()
    finally:
        conn.close()


def raw_request(port, data):
    """Send raw bytes, read until the server closes: (status or None, headers, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)
        received = b""
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            received += chunk
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    match = re.match(r"HTTP/1\.[01] (\d{3}) ", lines[0])
    if not match:
        return None, {}, received
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(match.group(1)), headers, body


class BundleServerTest(unittest.TestCase):
    """One server on one temporary bundle for all the HTTP behaviour tests."""

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="certportal-serve-")
        cls.dist = make_bundle(cls.tmp)
        args = ["--no-build", "--dir", cls.dist, "--port", "0"]
        cls.server = ServerProcess(args, cls.tmp).start()
        cls.port = cls.server.port

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def get(self, path, headers=None, method="GET"):
        return request(self.port, method, path, headers)

    def assertStillServing(self):
        status, _, body = self.get("/")
        self.assertEqual((status, body), (200, INDEX))

    def assertSecurityHeaders(self, headers):
        for name, value in SECURITY_HEADERS.items():
            self.assertEqual(headers.get(name), value, name)

    def test_root_serves_index_html(self):
        status, headers, body = self.get("/")
        self.assertEqual(status, 200)
        self.assertEqual(body, INDEX)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertEqual(headers["Content-Length"], str(len(INDEX)))

    def test_printed_url_is_the_listening_one(self):
        self.assertRegex(self.server.stdout(), r"portal at http://127\.0\.0\.1:%d/" % self.port)
        self.assertNotIn("warning", self.server.stderr())  # loopback: no warning

    def test_mime_types(self):
        for name, expected in MIME_CASES.items():
            with self.subTest(name=name):
                status, headers, body = self.get("/types/" + name)
                self.assertEqual(status, 200)
                self.assertEqual(headers["Content-Type"], expected)
                self.assertEqual(body, name.encode())

    def test_security_headers_on_every_kind_of_response(self):
        status, headers, _ = self.get("/app.js")
        etag = headers["ETag"]
        cases = {
            "200": self.get("/"),
            "200 br": self.get("/app.js", {"Accept-Encoding": "br"}),
            "HEAD": self.get("/", method="HEAD"),
            "304": self.get("/app.js", {"If-None-Match": etag}),
            "404": self.get("/missing.js"),
            "405": self.get("/", method="POST"),
        }
        for name, (status, headers, _) in cases.items():
            with self.subTest(name=name):
                self.assertSecurityHeaders(headers)
        status, headers, _ = raw_request(self.port, b"NONSENSE\r\n\r\n")
        self.assertEqual(status, 400)
        for name, value in SECURITY_HEADERS.items():
            self.assertEqual(headers.get(name.lower()), value, name)

    def test_content_length_on_every_response(self):
        for method, path, status in [("GET", "/", 200), ("HEAD", "/", 200),
                                     ("GET", "/nope", 404), ("DELETE", "/", 405)]:
            with self.subTest(method=method, path=path):
                got, headers, body = self.get(path, method=method)
                self.assertEqual(got, status)
                expected = len(INDEX) if method == "HEAD" else len(body)
                self.assertEqual(headers["Content-Length"], str(expected))
        status, headers, body = raw_request(self.port, b"GET /%zz HTTP/1.1\r\nHost: x\r\n\r\n")
        self.assertEqual(status, 400)
        self.assertEqual(headers["content-length"], str(len(body)))

    def test_brotli_preferred_over_gzip(self):
        for accept in ["gzip, deflate, br, zstd", "br, gzip", "gzip;q=1, br;q=1", "*"]:
            with self.subTest(accept=accept):
                status, headers, body = self.get("/app.js", {"Accept-Encoding": accept})
                self.assertEqual(status, 200)
                self.assertEqual(body, APP_JS_BR)
                self.assertEqual(headers["Content-Encoding"], "br")
                self.assertEqual(headers["Content-Type"], "text/javascript; charset=utf-8")
                self.assertEqual(headers["Vary"], "Accept-Encoding")
                self.assertEqual(headers["Content-Length"], str(len(APP_JS_BR)))

    def test_gzip_when_brotli_refused_or_not_preferred(self):
        for accept in ["gzip", "br;q=0, gzip", "gzip, BR;Q=0", "br;q=0.5, gzip;q=0.8",
                       "x-gzip", "*, br;q=0", "br;q=2, gzip", "br;q=abc, gzip"]:
            with self.subTest(accept=accept):
                status, headers, body = self.get("/app.js", {"Accept-Encoding": accept})
                self.assertEqual(status, 200)
                self.assertEqual(body, APP_JS_GZ)
                self.assertEqual(gzip.decompress(body), APP_JS)
                self.assertEqual(headers["Content-Encoding"], "gzip")
                self.assertEqual(headers["Content-Type"], "text/javascript; charset=utf-8")
                self.assertEqual(headers["Vary"], "Accept-Encoding")

    def test_plain_file_when_no_coding_accepted(self):
        for accept in [None, "", "identity", "br;q=0, gzip;q=0", "*;q=0", "deflate, zstd",
                       "gzip;q=0.0, br;q=0.000"]:
            with self.subTest(accept=accept):
                headers = {} if accept is None else {"Accept-Encoding": accept}
                status, headers, body = self.get("/app.js", headers)
                self.assertEqual(status, 200)
                self.assertEqual(body, APP_JS)
                self.assertIsNone(headers["Content-Encoding"])
                # The answer still depends on Accept-Encoding, and caches must know.
                self.assertEqual(headers["Vary"], "Accept-Encoding")

    def test_only_the_variants_that_exist(self):
        status, headers, body = self.get("/only-gz.css", {"Accept-Encoding": "br, gzip"})
        self.assertEqual((status, headers["Content-Encoding"]), (200, "gzip"))
        self.assertEqual(gzip.decompress(body), b"body{}")
        self.assertEqual(headers["Content-Type"], "text/css; charset=utf-8")
        status, headers, body = self.get("/index.html", {"Accept-Encoding": "br, gzip"})
        self.assertEqual((status, body), (200, INDEX))
        self.assertIsNone(headers["Content-Encoding"])
        self.assertIsNone(headers["Vary"])  # no variants: nothing varies

    def test_compressed_files_requested_directly_are_plain_downloads(self):
        for path, data in [("/app.js.br", APP_JS_BR), ("/app.js.gz", APP_JS_GZ)]:
            with self.subTest(path=path):
                status, headers, body = self.get(path, {"Accept-Encoding": "br, gzip"})
                self.assertEqual(status, 200)
                self.assertEqual(body, data)
                self.assertEqual(headers["Content-Type"], "application/octet-stream")
                self.assertIsNone(headers["Content-Encoding"])

    def test_variant_symlinked_outside_is_ignored(self):
        status, headers, body = self.get("/lure.js", {"Accept-Encoding": "gzip"})
        self.assertEqual((status, body), (200, b"lure plain"))
        self.assertIsNone(headers["Content-Encoding"])

    def test_cache_control(self):
        cases = {
            "/": "no-cache",
            "/index.html": "no-cache",
            "/app.js": "no-cache",
            "/app.0123abcd.js": IMMUTABLE,
            "/app.0123abc.js": "no-cache",
            "/app.0123ABCD.js": "no-cache",
            "/data.0123abcd.json": "no-cache",
            "/page.0123abcd.html": "no-cache",
            "/types/app.wasm": "no-cache",
            "/missing.0123abcd.js": "no-cache",
        }
        for path, expected in cases.items():
            with self.subTest(path=path):
                _, headers, _ = self.get(path)
                self.assertEqual(headers["Cache-Control"], expected)
        _, headers, body = self.get("/app.0123abcd.js", {"Accept-Encoding": "br"})
        self.assertEqual((body, headers["Cache-Control"]), (b"hashed-br", IMMUTABLE))

    def test_etag_and_if_none_match(self):
        status, headers, _ = self.get("/app.js")
        etag = headers["ETag"]
        self.assertRegex(etag, r'^"[^"]+"$')  # strong: no W/
        cases = {
            etag: 304,
            "W/" + etag: 304,
            '"other", ' + etag: 304,
            "*": 304,
            '"other"': 200,
            etag[:-2] + '"': 200,
        }
        for value, expected in cases.items():
            with self.subTest(if_none_match=value):
                status, headers, body = self.get("/app.js", {"If-None-Match": value})
                self.assertEqual(status, expected)
                self.assertEqual(headers["ETag"], etag)
                self.assertEqual(headers["Cache-Control"], "no-cache")
                self.assertEqual(body, b"" if expected == 304 else APP_JS)

    def test_each_variant_has_its_own_etag(self):
        tags = set()
        for accept in ["identity", "gzip", "br"]:
            _, headers, _ = self.get("/app.js", {"Accept-Encoding": accept})
            tags.add(headers["ETag"])
        self.assertEqual(len(tags), 3)
        _, headers, _ = self.get("/app.js", {"Accept-Encoding": "br"})
        status, _, _ = self.get("/app.js", {"Accept-Encoding": "gzip",
                                            "If-None-Match": headers["ETag"]})
        self.assertEqual(status, 200)  # the brotli tag does not validate the gzip body
        status, headers304, _ = self.get("/app.js", {"Accept-Encoding": "br",
                                                     "If-None-Match": headers["ETag"]})
        self.assertEqual(status, 304)
        self.assertEqual(headers304["Vary"], "Accept-Encoding")

    def test_head_has_the_get_headers_and_no_body(self):
        for path, accept in [("/", ""), ("/app.js", "br"), ("/missing", "")]:
            with self.subTest(path=path):
                get_status, get_headers, get_body = self.get(path, {"Accept-Encoding": accept})
                status, headers, body = self.get(path, {"Accept-Encoding": accept}, "HEAD")
                self.assertEqual(status, get_status)
                self.assertEqual(body, b"")
                without_date = lambda h: sorted((k, v) for k, v in h.items() if k != "Date")
                self.assertEqual(without_date(headers), without_date(get_headers))
                self.assertEqual(headers["Content-Length"], str(len(get_body)))
        # http.client never reads a HEAD body; check on the wire that none is sent.
        for path, status in [("/app.js", 200), ("/missing", 404), ("/%zz", 400)]:
            with self.subTest(raw=path):
                data = f"HEAD {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
                self.assertEqual(raw_request(self.port, data)[::2], (status, b""))

    def test_other_methods_are_405(self):
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "BREW", "get"]:
            with self.subTest(method=method):
                status, headers, body = self.get("/", method=method)
                self.assertEqual(status, 405)
                self.assertEqual(headers["Allow"], "GET, HEAD")
                self.assertEqual(body, b"405 Method Not Allowed\n")

    def test_405_with_a_request_body_keeps_the_connection_usable(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
        try:
            conn.request("POST", "/", body=b"x" * 1000)
            response = conn.getresponse()
            self.assertEqual((response.status, response.read()), (405, b"405 Method Not Allowed\n"))
            conn.request("GET", "/")  # same connection: the body was not taken as a request
            response = conn.getresponse()
            self.assertEqual((response.status, response.read()), (200, INDEX))
        finally:
            conn.close()

    def test_directories(self):
        cases = {
            "/sub/": (200, b"<p>sub index</p>"),
            "/sub": (200, b"<p>sub index</p>"),
            "/sub/index.html": (200, b"<p>sub index</p>"),
            "/empty/": (404, b"404 Not Found\n"),
            "/empty": (404, b"404 Not Found\n"),
            "/types/": (404, b"404 Not Found\n"),  # never a listing
            "/app.js/": (404, b"404 Not Found\n"),
        }
        for path, (expected_status, expected_body) in cases.items():
            with self.subTest(path=path):
                status, headers, body = self.get(path)
                self.assertEqual((status, body), (expected_status, expected_body))
        _, headers, _ = self.get("/sub/")
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")

    def test_query_string_is_ignored(self):
        for path, data in [("/app.js?v=3", APP_JS), ("/?x=../../outside-secret.txt", INDEX),
                           ("/app.js?/../../outside-secret.txt", APP_JS), ("/?", INDEX)]:
            with self.subTest(path=path):
                status, _, body = self.get(path)
                self.assertEqual((status, body), (200, data))

    def test_symlinks(self):
        status, _, body = self.get("/alias.js")
        self.assertEqual((status, body), (200, APP_JS))  # a link inside the bundle is fine
        for path in ["/leak.txt", "/leakdir/inner.txt", "/leakdir/", "/env-alias.txt"]:
            with self.subTest(path=path):
                status, _, body = self.get(path)
                self.assertEqual(status, 404)
                self.assertNotIn(SECRET, body)

    def test_dotfiles_are_404(self):
        for path in ["/.env", "/.git/config", "/.git/", "/.git", "/sub/.hidden", "/%2eenv",
                     "/%2Egit/config", "/./index.html", "/sub/./index.html"]:
            with self.subTest(path=path):
                status, _, body = self.get(path)
                self.assertEqual(status, 404)
                self.assertNotIn(SECRET, body)

    def test_path_traversal(self):
        name = "outside-secret.txt"
        cases = {
            "/../" + name: 404,
            "/sub/../../" + name: 404,
            "/sub/../index.html": 404,  # no '..' at all, even one that stays inside
            "/%2e%2e/" + name: 404,
            "/%2E%2E/" + name: 404,
            "/.%2e/" + name: 404,
            "/%2e./" + name: 404,
            "/..%2f" + name: 404,
            "/%2e%2e%2f" + name: 404,
            "/sub%2f..%2f..%2f" + name: 404,
            "/..%5c" + name: 404,
            "/%2e%2e%5c" + name: 404,
            "/..\\" + name: 404,
            "/sub\\..\\..\\" + name: 404,
            "/%252e%252e/" + name: 404,
            "/%252e%252e%252f" + name: 404,
            "/..%252f" + name: 404,
            "//" + name: 404,
            "//etc/passwd": 404,
            "/" + os.path.join(self.tmp, name).lstrip("/"): 404,
            "/" + os.path.join(self.tmp, name): 404,
            "/index.html%00.js": 400,
            "/%00": 400,
            "/..%00/" + name: 400,
            "/%c0%ae%c0%ae/" + name: 400,  # overlong UTF-8 for '.', not valid UTF-8
            "/leakdir/../" + name: 404,
            "http://127.0.0.1/../" + name: 400,  # absolute-form
            name: 400,  # no leading slash
            "*": 400,
        }
        for target, expected in cases.items():
            with self.subTest(target=target):
                status, _, body = raw_request(
                    self.port, b"GET " + target.encode() + b" HTTP/1.1\r\nHost: x\r\n\r\n")
                self.assertEqual(status, expected)
                self.assertNotIn(SECRET, body)
        self.assertStillServing()

    def test_invalid_percent_encoding_is_400(self):
        for target in ["/%zz", "/%2", "/%", "/app.js%", "/%g0/", "/%ff", "/sub/%e3%81"]:
            with self.subTest(target=target):
                status, _, body = raw_request(
                    self.port, b"GET " + target.encode() + b" HTTP/1.1\r\nHost: x\r\n\r\n")
                self.assertEqual((status, body), (400, b"400 Bad Request\n"))

    def test_percent_encoded_names_are_decoded(self):
        status, _, body = self.get("/%61pp.js")
        self.assertEqual((status, body), (200, APP_JS))

    def test_malformed_request_lines_are_400(self):
        cases = [
            b"NONSENSE\r\n\r\n",
            b"GET\r\n\r\n",
            b"GET /\r\n\r\n",  # HTTP/0.9
            b"GET / HTTP/1.1 extra\r\nHost: x\r\n\r\n",
            b"GET  / HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
            b"GET / FTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /\x00 HTTP/1.1\r\nHost: x\r\n\r\n",
            b"GET /\xe3\x81\x82 HTTP/1.1\r\nHost: x\r\n\r\n",  # raw non-ASCII
            b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03\r\n\r\n",  # a TLS hello
            b"G(T / HTTP/1.1\r\n\r\n",
            b"\r\n",
            b"GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        ]
        for data in cases:
            with self.subTest(data=data):
                status, headers, body = raw_request(self.port, data)
                self.assertEqual((status, body), (400, b"400 Bad Request\n"))
                self.assertEqual(headers["connection"], "close")
        self.assertStillServing()

    def test_overlong_url(self):
        at_limit = "/" + "a" * 2047  # 2048 bytes: allowed, just not there
        status, _, _ = raw_request(self.port, f"GET {at_limit} HTTP/1.1\r\n\r\n".encode())
        self.assertEqual(status, 404)
        for target in ["/" + "a" * 2048, "/?" + "q" * 5000, "/" + "%2e" * 2000]:
            with self.subTest(length=len(target)):
                status, _, body = raw_request(self.port, f"GET {target} HTTP/1.1\r\n\r\n".encode())
                self.assertEqual((status, body), (400, b"400 Bad Request\n"))
        self.assertStillServing()

    def test_request_log(self):
        self.get("/app.js?log-test", {"Accept-Encoding": "br"})
        self.get("/no-such-file-for-log-test")
        deadline = time.monotonic() + 2
        pattern_ok = r"GET /app\.js\?log-test 200 %d br\n" % len(APP_JS_BR)
        pattern_404 = r"GET /no-such-file-for-log-test 404 14 -\n"
        while time.monotonic() < deadline:
            log = self.server.stderr()
            if re.search(pattern_ok, log) and re.search(pattern_404, log):
                break
            time.sleep(0.02)
        self.assertRegex(log, pattern_ok)
        self.assertRegex(log, pattern_404)

    def test_no_traceback_after_all_that(self):
        self.assertStillServing()
        self.assertNotIn("Traceback", self.server.stderr())


class ProcessTest(unittest.TestCase):
    """Start-up, shutdown and the build step, each with its own server process."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="certportal-serve-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.dist = os.path.join(self.tmp, "dist")
        write(os.path.join(self.dist, "index.html"), INDEX)

    def serve_bundle(self, *extra):
        """serve.py on self.dist; --port 0 unless `extra` names a port."""
        port = [] if "--port" in extra else ["--port", "0"]
        return ServerProcess(["--no-build", "--dir", self.dist] + port + list(extra), self.tmp,
                             test=self)

    def test_sigint_says_goodbye_and_exits_0(self):
        server = self.serve_bundle().start()
        # An idle keep-alive connection must not hold the shutdown up.
        idle = socket.create_connection(("127.0.0.1", server.port), timeout=5)
        try:
            self.assertEqual(request(server.port, "GET", "/")[0], 200)
            server.proc.send_signal(signal.SIGINT)
            self.assertEqual(server.wait(5), 0)
        finally:
            idle.close()
        self.assertIn("stopped", server.stdout())
        self.assertNotIn("Traceback", server.stderr() + server.stdout())

    def test_sigint_with_stdin_watched_exits_0(self):
        # The browser tests' way: stdin a pipe that stays open, the server stopped by SIGINT while
        # the watcher waits on it. The watcher's read must not make the interpreter's shutdown
        # abort ("Fatal Python error: _enter_buffered_busy", exit 134).
        server = ServerProcess(["--no-build", "--quiet", "--stop-when-stdin-closes", "--dir", self.dist,
                                "--port", "0"], self.tmp, test=self, stdin=subprocess.PIPE)
        self.addCleanup(server.proc.stdin.close)
        server.start()
        server.proc.send_signal(signal.SIGINT)
        self.assertEqual(server.wait(5), 0, server.stderr())
        self.assertNotIn("Fatal", server.stderr())

    def test_sigterm_exits_0(self):
        server = self.serve_bundle().start()
        server.proc.send_signal(signal.SIGTERM)
        self.assertEqual(server.wait(5), 0)
        self.assertNotIn("Traceback", server.stderr())

    def test_port_in_use_exits_2(self):
        with socket.socket() as busy:
            busy.bind(("127.0.0.1", 0))
            busy.listen()
            port = busy.getsockname()[1]
            server = self.serve_bundle("--port", str(port))
            self.assertEqual(server.wait(), 2)
        self.assertEqual(server.stderr(),
                         f"serve: port {port} is already in use on 127.0.0.1; "
                         f"try --port {port + 1}\n")

    def test_missing_dir_exits_2(self):
        missing = os.path.join(self.tmp, "not-built")
        server = ServerProcess(["--no-build", "--dir", missing, "--port", "0"], self.tmp,
                               test=self)
        self.assertEqual(server.wait(), 2)
        self.assertIn(f"bundle directory {missing} does not exist", server.stderr())
        self.assertNotIn("Traceback", server.stderr())
        self.assertEqual(server.stdout(), "")

    def test_non_loopback_host_warns(self):
        server = self.serve_bundle("--host", "0.0.0.0").start()
        try:
            self.assertEqual(request(server.port, "GET", "/")[0], 200)
            self.assertIn("reachable from other machines", server.stderr())
        finally:
            self.assertEqual(server.stop(), 0)

    def test_quiet_logs_no_requests(self):
        server = self.serve_bundle("--quiet").start()
        try:
            self.assertEqual(request(server.port, "GET", "/")[0], 200)
            self.assertEqual(request(server.port, "GET", "/missing")[0], 404)
            self.assertEqual(raw_request(server.port, b"JUNK\r\n\r\n")[0], 400)
        finally:
            self.assertEqual(server.stop(), 0)
        self.assertEqual(server.stderr(), "")


FAKE_CMAKE = """#!/bin/sh
# Stands in for cmake: records its arguments and NODE_PATH, then does what it is told.
echo "cmake $* NODE_PATH=$NODE_PATH" >> "$FAKE_LOG"
case "$1" in
  --preset) mkdir -p build/wasm && touch build/wasm/CMakeCache.txt ;;
  --build)
    [ -n "$FAKE_BUILD_FAILS" ] && { echo "ninja: build stopped" >&2; exit 7; }
    mkdir -p build/wasm/dist && printf built > build/wasm/dist/index.html ;;
esac
"""

FAKE_SETUP = """#!/bin/sh
echo "setup $*" >> "$FAKE_LOG"
[ -n "$FAKE_SETUP_FAILS" ] && exit 1
exit 0
"""


class BuildTest(unittest.TestCase):
    """The build step, with serve.py copied into a fake repository and a fake cmake."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="certportal-serve-")
        self.addCleanup(shutil.rmtree, self.tmp, ignore_errors=True)
        self.repo = os.path.join(self.tmp, "repo")
        os.makedirs(os.path.join(self.repo, "tools"))
        self.serve = os.path.join(self.repo, "serve.py")
        shutil.copy(SERVE, self.serve)
        write(os.path.join(self.repo, "tools", "setup.sh"), FAKE_SETUP.encode())
        bin_dir = os.path.join(self.tmp, "bin")
        write(os.path.join(bin_dir, "cmake"), FAKE_CMAKE.encode())
        os.chmod(os.path.join(bin_dir, "cmake"), 0o755)
        self.log = os.path.join(self.tmp, "calls.log")
        self.env = dict(os.environ, PATH=bin_dir + os.pathsep + os.environ["PATH"],
                        FAKE_LOG=self.log)
        self.env.pop("NODE_PATH", None)

    def run_serve(self, *args):
        return ServerProcess(list(args), self.tmp, self.env, self.serve, test=self)

    def calls(self):
        with open(self.log) as f:
            return f.read().splitlines()

    def test_builds_then_serves(self):
        server = self.run_serve("--port", "0").start()
        try:
            status, _, body = request(server.port, "GET", "/")
            self.assertEqual((status, body), (200, b"built"))
        finally:
            self.assertEqual(server.stop(), 0)
        self.assertEqual(self.calls(), ["setup --serve",
                                        "cmake --preset wasm NODE_PATH=/usr/share/nodejs",
                                        "cmake --build --preset wasm NODE_PATH=/usr/share/nodejs"])

    def test_configures_only_once(self):
        write(os.path.join(self.repo, "build", "wasm", "CMakeCache.txt"), b"")
        server = self.run_serve("--port", "0").start()
        self.assertEqual(server.stop(), 0)
        self.assertEqual(self.calls(), ["setup --serve",
                                        "cmake --build --preset wasm NODE_PATH=/usr/share/nodejs"])

    def test_build_failure_exits_non_zero(self):
        self.env["FAKE_BUILD_FAILS"] = "1"
        server = self.run_serve("--port", "0")
        self.assertEqual(server.wait(), 1)
        self.assertIn("serve: build failed: `cmake --build --preset wasm` exited with status 7",
                      server.stderr())
        self.assertNotIn("portal at", server.stdout())
        self.assertNotIn("Traceback", server.stderr())

    def test_setup_failure_stops_before_cmake(self):
        self.env["FAKE_SETUP_FAILS"] = "1"
        server = self.run_serve("--port", "0")
        self.assertEqual(server.wait(), 1)
        self.assertIn("build failed: `tools/setup.sh --serve`", server.stderr())
        self.assertEqual(self.calls(), ["setup --serve"])

    def test_no_build_skips_the_build(self):
        server = self.run_serve("--no-build", "--port", "0")
        self.assertEqual(server.wait(), 2)  # nothing built, so nothing to serve
        self.assertIn("does not exist", server.stderr())
        self.assertFalse(os.path.exists(self.log))


if __name__ == "__main__":
    unittest.main()
