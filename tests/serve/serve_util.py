"""Start and stop `mvec serve` for the dashboard tests (Python standard library only)."""
import http.client
import os
import signal
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLES = os.path.join(ROOT, "examples", "data")


class Server:
    """`mvec serve --port 0 ARGS...` in the repository root; .port once it listens."""

    def __init__(self, mvec, *args):
        self.process = subprocess.Popen(
            [mvec, "serve", "--port", "0", "--quiet", *args], cwd=ROOT,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        line = self.process.stderr.readline()
        prefix = "mvec serve: http://127.0.0.1:"
        if not line.startswith(prefix):
            self.process.kill()
            raise RuntimeError("mvec serve did not start: %r %s" % (line, self.process.stderr.read()))
        self.port = int(line[len(prefix):].rstrip("/\n"))
        self.url = "http://127.0.0.1:%d/" % self.port

    def request(self, method, target, timeout=60):
        """(status, headers dict lower-cased, body bytes); the target is sent as given."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            connection.putrequest(method, target, skip_accept_encoding=True)
            connection.endheaders()
            response = connection.getresponse()
            body = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        finally:
            connection.close()

    def stop(self):
        """SIGTERM; returns the exit code (0 for a clean stop)."""
        self.process.send_signal(signal.SIGTERM)
        try:
            code = self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            code = "timeout"
        self.process.stderr.close()
        return code


class Checks:
    """Counts checks; prints each failure."""

    def __init__(self, name):
        self.name = name
        self.failures = 0
        self.count = 0

    def check(self, ok, what):
        self.count += 1
        if not ok:
            self.failures += 1
            print("FAIL %s: %s" % (self.name, what), flush=True)
        return ok

    def finish(self):
        print("%s: %d checks, %d failed" % (self.name, self.count, self.failures))
        sys.exit(1 if self.failures else 0)


def cli(mvec, *args):
    """Standard output of `mvec ARGS...` run in the repository root (must exit 0)."""
    result = subprocess.run([mvec, *args], cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, check=False)
    if result.returncode != 0:
        raise RuntimeError("mvec %s: exit %d: %s" % (" ".join(args), result.returncode,
                                                      result.stderr.decode()))
    return result.stdout


def wait_until(predicate, seconds):
    end = time.time() + seconds
    while time.time() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return False
