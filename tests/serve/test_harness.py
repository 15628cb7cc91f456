"""The browser tests' harness (tests/browser/harness.mjs) ends every serve.py it starts, however
the Node process running a case ends: a case that skips or fails before its own clean-up, or
ctest (or a person) killing it. Two clean-clone runs of the suite each left one
`serve.py --dir build/wasm/idb_test` running, its parent gone (issue 26).

    cd tests/serve && python3 -m unittest -v test_harness
"""

import os
import shutil
import signal
import subprocess
import tempfile
import time
import unittest

REPO = os.path.realpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
HARNESS = os.path.join(REPO, "tests", "browser", "harness.mjs")
IDB_TEST = os.path.join(REPO, "tests", "browser", "idb", "indexeddb.test.mjs")

# A Node process that starts a server on $DIR as the browser tests do, says its URL, then waits.
STARTS_A_SERVER = f"""
import {{ startServer }} from {HARNESS!r};
const server = await startServer(process.env.DIR);
console.log('URL ' + server.url);
setInterval(() => {{}}, 1000);
"""


def servers_of(directory):
    """Process ids of the serve.py processes serving `directory` (found in /proc)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue  # gone meanwhile
        if any(a.endswith(b"serve.py") for a in args) and directory.encode() in args:
            found.append(int(pid))
    return found


class HarnessEndsItsServers(unittest.TestCase):
    def setUp(self):
        # A directory of this test's own: its servers are told apart from any other by --dir.
        self.dir = tempfile.mkdtemp(prefix="certportal-harness-")
        with open(os.path.join(self.dir, "idb_test_module.js"), "w") as f:
            f.write("// stands for the IndexedDB test module: the case skips before loading it\n")
        self.addCleanup(self.kill_leftovers)
        self.addCleanup(shutil.rmtree, self.dir, True)

    def kill_leftovers(self):
        for pid in servers_of(self.dir):
            os.kill(pid, signal.SIGKILL)

    def assert_no_server_left(self, what):
        deadline = time.monotonic() + 5
        while servers_of(self.dir) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual(servers_of(self.dir), [], f"{what}: serve.py --dir {self.dir} still runs")

    def start_node(self, *args, env=None):
        node = subprocess.Popen(["node", *args], cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, env=dict(os.environ, **(env or {})))
        self.addCleanup(lambda: node.poll() is None and node.kill())
        self.addCleanup(node.stdout.close)
        return node

    def killed_case_leaves_no_server(self, sig):
        node = self.start_node("--input-type=module", "-e", STARTS_A_SERVER, env={"DIR": self.dir})
        line = node.stdout.readline().decode()
        self.assertTrue(line.startswith("URL http://127.0.0.1:"), f"the harness's server started: {line!r}")
        self.assertEqual(len(servers_of(self.dir)), 1, "one server runs while the case does")
        node.send_signal(sig)
        node.wait(10)
        self.assert_no_server_left(f"Node killed by {sig.name}")

    def test_case_killed_by_sigkill_leaves_no_server(self):
        self.killed_case_leaves_no_server(signal.SIGKILL)  # ctest's timeout: no clean-up code runs

    def test_case_killed_by_sigterm_leaves_no_server(self):
        self.killed_case_leaves_no_server(signal.SIGTERM)  # a person's kill: Node runs none either

    def test_case_skipped_before_its_clean_up_leaves_no_server(self):
        # The leak the suite's runs showed: WebKit cannot keep a profile across a restart, so
        # indexeddb_survives_restart skips (exit 77) from launchEngine, after its server started
        # and before the try whose finally stops it.
        node = self.start_node(IDB_TEST, "survives_restart",
                               env={"CERTPORTAL_ENGINE": "webkit", "CERTPORTAL_IDB_TEST_DIR": self.dir})
        output = node.communicate(timeout=60)[0].decode()
        self.assertEqual(node.returncode, 77, "the case skips on WebKit: " + output)
        self.assert_no_server_left("the case skipped")


if __name__ == "__main__":
    unittest.main()
