#!/usr/bin/env python3
"""`citelint serve` end to end: a real server process on a loopback port.

  serve_test.py SOURCE_DIR CITELINT

Every endpoint, every error status, the bearer token, SIGHUP reload (good and
broken), SIGTERM drain, and faults (a client gone mid-body, a slow client, a
malformed request line, 1,000 idle connections) while others are answered.
Findings from serve equal `citelint check`'s, byte for byte.
"""
import http.client
import json
import os
import re
import resource
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import unittest

SOURCE, BINARY = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
ENV = dict(os.environ, CITELINT_RULES_DIR=os.path.join(SOURCE, "rules"))

MINE = ("The Ridge Post reports that the mine reopened.1\n"
        "\u201cWe found nothing that would stop us working,\u201d said chief inspector Owen Hale.1\n"
        "Sources\n1. Mine reopens \u2014 Ridge Post reports the end of the safety review\n")
UNUSED = "Rates rose.1\n\nNotes\n1. Central bank minutes\n2. Treasury note\n"


def big_draft(paragraphs):
    """A long, note-dense draft that takes a while to check."""
    body = "".join(f"\u201cWe kept our promise to the islands number {k},\u201d Odile Brandt said.{k}\n\n"
                   for k in range(1, paragraphs + 1))
    notes = "".join(f"{k}. Harbour Gazette, report {k}\n" for k in range(1, paragraphs + 1))
    return body + "Notes\n" + notes


class Server:
    """A citelint serve process in its own directory; stderr collected."""

    def __init__(self, *args, config=None):
        self.dir = tempfile.mkdtemp(prefix="citelint-serve-")
        if config is not None:
            self.write(".citelint.yaml", config)
        self.proc = subprocess.Popen([BINARY, "serve", "--listen", "127.0.0.1:0", *args], cwd=self.dir, env=ENV,
                                     stderr=subprocess.PIPE, text=True)
        self.log = []
        line = self.proc.stderr.readline()
        self.log.append(line)
        m = re.search(r"listening on http://127\.0\.0\.1:(\d+)", line)
        if not m:
            self.proc.kill()
            raise AssertionError(f"no listening line: {line!r} {self.proc.stderr.read()}")
        self.port = int(m.group(1))
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stderr:
            self.log.append(line)

    def write(self, name, text):
        with open(os.path.join(self.dir, name), "w", encoding="utf-8") as f:
            f.write(text)

    def request(self, method, path, body=None, headers=None, timeout=120):
        c = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        data = body.encode("utf-8") if isinstance(body, str) else body
        c.request(method, path, body=data, headers=headers or {})
        r = c.getresponse()
        out = (r.status, dict(r.getheaders()), r.read())
        c.close()
        return out

    def check(self, text, ctype="text/plain", query="", headers=None):
        h = {"Content-Type": ctype}
        h.update(headers or {})
        return self.request("POST", "/v1/check" + query, text, h)

    def wait_log(self, pattern, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            if any(re.search(pattern, line) for line in self.log):
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.reader.join(timeout=5)
        self.proc.stderr.close()
        subprocess.run(["rm", "-rf", self.dir])


def cli_check(text, path, *args):
    r = subprocess.run([BINARY, "check", "--format", "json", "--stdin-filename", path, *args, "-"], input=text.encode(),
                       capture_output=True, env=ENV)
    return r.stdout


class Endpoints(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.s = Server()

    @classmethod
    def tearDownClass(cls):
        cls.s.stop()

    def test_health_ready_rules_metrics(self):
        status, headers, body = self.s.request("GET", "/healthz")
        self.assertEqual((status, json.loads(body)), (200, {"status": "ok"}))
        status, _, body = self.s.request("GET", "/readyz")
        self.assertEqual(status, 200)
        self.assertEqual(json.loads(body)["status"], "ready")
        status, _, body = self.s.request("GET", "/v1/rules")
        rules = json.loads(body)
        self.assertIn("attribution.mismatch", [r["id"] for r in rules["rules"]])
        self.assertEqual({p["name"] for p in rules["profiles"]}, {"default", "strict", "publish"})
        self.s.check(UNUSED)
        status, headers, body = self.s.request("GET", "/metrics")
        self.assertEqual(status, 200)
        self.assertTrue(headers["Content-Type"].startswith("text/plain; version=0.0.4"))
        text = body.decode()
        self.assertRegex(text, r'citelint_requests_total\{path="/v1/check",status="200"\} \d+')
        self.assertIn("# TYPE citelint_request_duration_seconds histogram", text)
        self.assertRegex(text, r'citelint_request_duration_seconds_bucket\{le="\+Inf"\} \d+')
        self.assertRegex(text, r'citelint_findings_total\{rule="notes.unused-note"\} \d+')
        self.assertIn('citelint_reloads_total{result="failed"} 0', text)

    def test_check_equals_the_command_line(self):
        fixtures = os.path.join(SOURCE, "fixtures", "e2e")
        media = {".txt": "text/plain", ".md": "text/markdown", ".html": "text/html"}
        compared = 0
        for name in sorted(os.listdir(fixtures)):
            ext = os.path.splitext(name)[1]
            if ext not in media:
                continue
            with open(os.path.join(fixtures, name), encoding="utf-8") as f:
                text = f.read()
            for profile in ("default", "publish"):
                status, _, body = self.s.check(text, media[ext] + "; charset=utf-8", f"?profile={profile}&path={name}")
                self.assertEqual(status, 200, body)
                self.assertEqual(body, cli_check(text, name, "--profile", profile), f"{name} under {profile}")
                compared += 1
        self.assertGreaterEqual(compared, 6)

    def test_json_body_and_verdict(self):
        body = json.dumps({"format": "txt", "text": MINE, "profile": "publish", "path": "mine.txt"})
        status, _, out = self.s.check(body, "application/json")
        self.assertEqual(status, 200, out)
        j = json.loads(out)
        self.assertEqual(j["verdict"], {"result": "hold", "profile": "publish", "blocking": 1, "unchecked": 0})
        self.assertEqual([(d["rule"], d["path"], d["blocking"]) for d in j["diagnostics"]],
                         [("attribution.unverified", "mine.txt", True)])
        # The default profile: no verdict, a warning only.
        j = json.loads(self.s.check(json.dumps({"text": MINE}), "application/json")[2])
        self.assertNotIn("verdict", j)
        self.assertEqual(j["diagnostics"][0]["path"], "draft.txt")

    def test_charsets(self):
        text = "Caf\u00e9 prices rose.1\n\nNotes\n1. Harbour Gazette\n"
        want = self.s.check(text, "text/plain; charset=utf-8")[2]
        for charset in ("ISO-8859-1", "windows-1252", "utf-16le"):
            status, _, body = self.s.request("POST", "/v1/check", text.encode(charset.replace("utf-16le", "utf-16-le")),
                                             {"Content-Type": f"text/plain; charset={charset}"})
            self.assertEqual((status, body), (200, want), charset)
        status, _, body = self.s.request("POST", "/v1/check", b"ab\x00", {"Content-Type": "text/plain; charset=utf-16le"})
        self.assertEqual(status, 400, body)
        self.assertIn("not valid utf-16le", json.loads(body)["error"])
        status, _, body = self.s.check("x", "text/plain; charset=klingon")
        self.assertEqual(status, 415)
        self.assertEqual(json.loads(body)["error"], "unsupported charset 'klingon'")

    def test_report(self):
        status, headers, body = self.s.request("POST", "/v1/report?profile=publish", MINE, {"Content-Type": "text/plain"})
        self.assertEqual(status, 200)
        self.assertEqual(headers["Content-Type"], "text/html; charset=utf-8")
        self.assertIn(b'<p class="banner hold" role="status">Hold', body)
        self.assertIn(b"Content-Security-Policy", body)

    def test_errors(self):
        cases = [
            (("GET", "/nowhere", None, {}), 404, "no such endpoint: /nowhere"),
            (("GET", "/v1/check", None, {}), 405, "/v1/check takes POST"),
            (("POST", "/healthz", "x", {"Content-Type": "text/plain"}), 405, "/healthz takes GET"),
            (("POST", "/v1/check", "x", {"Content-Type": "image/png"}), 415, "unsupported Content-Type 'image/png'"),
            (("POST", "/v1/check", "{", {"Content-Type": "application/json"}), 400, "the body is not valid JSON"),
            (("POST", "/v1/check", '{"text": "x", "format": "docx"}', {"Content-Type": "application/json"}), 400,
             "unknown format 'docx'"),
            (("POST", "/v1/check", '{"text": "x", "colour": "red"}', {"Content-Type": "application/json"}), 400,
             "unknown key 'colour'"),
            (("POST", "/v1/check", '{"format": "md"}', {"Content-Type": "application/json"}), 400, "has no 'text'"),
            (("POST", "/v1/check", '{"text": ["x"]}', {"Content-Type": "application/json"}), 400,
             "must be an object of strings"),
            (("POST", "/v1/check", "[" * 100000, {"Content-Type": "application/json"}), 400,
             "must be an object of strings"),
            (("POST", "/v1/check?profile=publsh", "x", {"Content-Type": "text/plain"}), 400,
             "unknown profile 'publsh'; did you mean 'publish'?"),
            (("POST", "/v1/check", "a\x00b", {"Content-Type": "text/plain"}), 400, "binary"),
        ]
        for (method, path, body, headers), status, message in cases:
            got, h, out = self.s.request(method, path, body, headers)
            self.assertEqual(got, status, (path, out))
            self.assertIn(message, json.loads(out)["error"], path)
            if status == 405:
                self.assertIn("Allow", h)

    def test_the_log_never_holds_a_draft(self):
        secret = "Zanzibar-quokka-7731"
        self.s.check(f"{secret} said so.1\n", "text/plain", f"?path={secret}.txt")
        self.assertTrue(self.s.wait_log(r"POST /v1/check 200"))
        self.assertFalse(any(secret in line for line in self.s.log), "".join(self.s.log))
        self.assertEqual(os.listdir(self.s.dir), [])  # nothing written where it runs


class Limits(unittest.TestCase):
    def test_body_header_and_time_limits(self):
        s = Server("--max-body", "1k", "--max-header", "1k", "--request-timeout", "1")
        try:
            status, _, body = s.check("x" * 2000)
            self.assertEqual(status, 413, body)
            status, _, body = s.request("GET", "/healthz", headers={"X-Padding": "y" * 2000})
            self.assertEqual(status, 431, body)
            # A chunk-size line that never ends (no header limit covers it): 431, not a growing buffer.
            with socket.create_connection(("127.0.0.1", s.port)) as c:
                c.settimeout(10)
                c.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                          b"Transfer-Encoding: chunked\r\n\r\n1;")
                got = b""
                try:
                    for _ in range(100):
                        c.sendall(b"a" * 4096)
                except OSError:
                    pass
                try:
                    got = c.recv(4096)
                except OSError:
                    pass
                self.assertIn(b"431", got.split(b"\r\n")[0] if got else b"(nothing)")
            # HTTP/1.0 is answered in HTTP/1.0.
            with socket.create_connection(("127.0.0.1", s.port)) as c:
                c.settimeout(10)
                c.sendall(b"GET /healthz HTTP/1.0\r\n\r\n")
                self.assertTrue(c.recv(4096).startswith(b"HTTP/1.0 200 OK"))
            # Headers one byte at a time, slower than the request timeout: 408.
            with socket.create_connection(("127.0.0.1", s.port)) as c:
                c.settimeout(5)
                got = b""
                for ch in b"GET /healthz HTTP/1.1\r\nHost: x\r\n":
                    try:
                        c.send(bytes([ch]))
                    except OSError:
                        break
                    time.sleep(0.1)
                try:
                    got = c.recv(4096)
                except OSError:
                    pass
                self.assertIn(b"408 Request Timeout", got)
            self.assertEqual(s.request("GET", "/healthz")[0], 200)
        finally:
            s.stop()

    def test_too_many_in_flight_is_503_with_retry_after(self):
        s = Server("--workers", "1", "--max-in-flight", "1")
        try:
            draft = big_draft(5000)  # half a megabyte: checked while the others arrive
            results = []

            def send():
                results.append(s.request("POST", "/v1/check", draft, {"Content-Type": "text/plain"}, timeout=300))

            threads = [threading.Thread(target=send) for _ in range(4)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            statuses = sorted(r[0] for r in results)
            self.assertIn(200, statuses)
            self.assertIn(503, statuses)
            busy = [r for r in results if r[0] == 503][0]
            self.assertEqual(busy[1].get("Retry-After"), "1")
        finally:
            s.stop()

    def test_token(self):
        path = tempfile.mktemp(prefix="citelint-token-")
        with open(path, "w") as f:
            f.write("s3cret-token\n")
        try:
            s = Server("--token-file", path)
            try:
                status, headers, _ = s.check(UNUSED)
                self.assertEqual(status, 401)
                self.assertEqual(headers.get("WWW-Authenticate"), "Bearer")
                self.assertEqual(s.check(UNUSED, headers={"Authorization": "Bearer wrong"})[0], 401)
                self.assertEqual(s.check(UNUSED, headers={"Authorization": "Bearer s3cret-token"})[0], 200)
                self.assertEqual(s.check(UNUSED, headers={"Authorization": "bearer s3cret-token"})[0], 200)
                self.assertEqual(s.check(UNUSED, headers={"Authorization": "Bearer s3cret-tokenX"})[0], 401)
                self.assertEqual(s.request("GET", "/metrics")[0], 401)
                self.assertEqual(s.request("GET", "/healthz")[0], 200)  # probes need no token
                self.assertFalse(any("s3cret" in line for line in s.log))
            finally:
                s.stop()
        finally:
            os.unlink(path)


class Lifecycle(unittest.TestCase):
    def test_sighup_reload_good_and_broken(self):
        s = Server(config="severity:\n  notes.unused-note: warning\n")
        try:
            def severity():
                return json.loads(s.check(UNUSED)[2])["diagnostics"][0]["severity"]

            self.assertEqual(severity(), "warning")
            s.write(".citelint.yaml", "severity:\n  notes.unused-note: error\n")
            s.proc.send_signal(signal.SIGHUP)
            self.assertTrue(s.wait_log(r"rules reloaded"), "".join(s.log))
            self.assertEqual(severity(), "error")
            s.write(".citelint.yaml", "severity:\n  notes.unused-note: [fatal\n")
            s.proc.send_signal(signal.SIGHUP)
            self.assertTrue(s.wait_log(r"reload failed, the old rules stay: .*\.citelint\.yaml:\d+:\d+"), "".join(s.log))
            self.assertEqual(severity(), "error")  # the old rules
            metrics = s.request("GET", "/metrics")[2].decode()
            self.assertIn('citelint_reloads_total{result="ok"} 1', metrics)
            self.assertIn('citelint_reloads_total{result="failed"} 1', metrics)
        finally:
            s.stop()

    def test_sigterm_drains_in_flight_requests_and_exits_zero(self):
        s = Server("--workers", "1")
        try:
            # A request half sent when SIGTERM comes: the drain waits for it and answers it.
            body = UNUSED.encode()
            c = socket.create_connection(("127.0.0.1", s.port), timeout=120)
            c.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                      b"Content-Length: %d\r\n\r\n" % len(body) + body[:10])
            idle = socket.create_connection(("127.0.0.1", s.port), timeout=120)  # sends nothing
            time.sleep(0.5)
            s.proc.send_signal(signal.SIGTERM)
            self.assertTrue(s.wait_log(r"draining"), "".join(s.log))
            self.assertEqual(idle.recv(100), b"")  # an idle connection is closed at once
            c.sendall(body[10:])
            reply = b""
            while b"\r\n\r\n" not in reply or not reply.rstrip().endswith(b"}"):
                chunk = c.recv(65536)
                if not chunk:
                    break
                reply += chunk
            c.close()
            idle.close()
            self.assertTrue(reply.startswith(b"HTTP/1.1 200 OK"), reply[:200])
            self.assertIn(b"Connection: close", reply)
            self.assertIn(b'"rule": "notes.unused-note"', reply)
            self.assertEqual(s.proc.wait(timeout=60), 0)
            self.assertTrue(s.wait_log(r"stopped"))
            # It was in flight when the drain began: answered after the drain line.
            lines = "".join(s.log)
            self.assertLess(lines.index("draining"), lines.index("POST /v1/check 200"), lines)
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", s.port), timeout=2)
        finally:
            s.stop()


class Faults(unittest.TestCase):
    def test_faults_leave_others_answered(self):
        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, 4096), hard))
        s = Server("--request-timeout", "3")
        try:
            # A client that disconnects mid-body.
            with socket.create_connection(("127.0.0.1", s.port)) as c:
                c.sendall(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\nonly ten b")
            self.assertEqual(s.request("GET", "/healthz")[0], 200)
            # A malformed request line.
            with socket.create_connection(("127.0.0.1", s.port)) as c:
                c.settimeout(5)
                c.sendall(b"GARBAGE\r\n\r\n")
                self.assertIn(b"400 Bad Request", c.recv(4096))
            # A slow client, one header byte at a time, while others are answered.
            slow = socket.create_connection(("127.0.0.1", s.port))
            slow.send(b"GET /healthz HTTP/1.1\r\n")
            # 1,000 idle connections.
            idle = [socket.create_connection(("127.0.0.1", s.port)) for _ in range(1000)]
            start = time.time()
            for _ in range(20):
                status, _, body = s.check(UNUSED)
                self.assertEqual(status, 200)
                slow.send(b"X")
            self.assertLess(time.time() - start, 10)
            for c in idle:
                c.close()
            slow.close()
            self.assertEqual(s.request("GET", "/readyz")[0], 200)
        finally:
            s.stop()
            resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


class StartErrors(unittest.TestCase):
    def test_bad_start_exits_two(self):
        r = subprocess.run([BINARY, "serve", "--listen", "nowhere"], capture_output=True, text=True, env=ENV, timeout=10)
        self.assertEqual(r.returncode, 2)
        self.assertIn("give HOST:PORT", r.stderr)
        r = subprocess.run([BINARY, "serve", "--token-file", "/nonexistent/token"], capture_output=True, text=True,
                           env=ENV, timeout=10)
        self.assertEqual(r.returncode, 2)
        self.assertIn("/nonexistent/token: error: cannot read the token file", r.stderr)
        with tempfile.TemporaryDirectory() as d:
            with open(os.path.join(d, ".citelint.yaml"), "w") as f:
                f.write("profile: loose\n")
            r = subprocess.run([BINARY, "serve"], cwd=d, capture_output=True, text=True, env=ENV, timeout=10)
            self.assertEqual(r.returncode, 2)
            self.assertIn(".citelint.yaml:1:10: error: unknown profile 'loose'", r.stderr)


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
