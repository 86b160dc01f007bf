#!/usr/bin/env python3
"""The API's contract test: schemathesis against /api/v1/openapi.yaml, once anonymous and once per role.

Starts `vielfalt serve` on a free loopback port over a fresh demo store, signs every role in first
(random sign-ins by the tool would otherwise throttle the address), then runs schemathesis with the
session cookie and the CSRF token of each role: every check, the coverage phase (which sends
undeclared methods and values just outside the schemas), a bounded number of examples and a fixed
seed, so that a run in CI is repeatable. Any failure fails the test; the reports are kept in
artifacts/contract/.

    SCHEMATHESIS=.build-venv/bin/st python3 Tests/contract/contract.py
"""
import http.cookies
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BINARY = os.environ.get("VIELFALT_BIN", os.path.join(ROOT, ".build", "debug", "vielfalt"))
SCHEMATHESIS = os.environ.get("SCHEMATHESIS", os.path.join(ROOT, ".build-venv", "bin", "st"))
ARTIFACTS = os.environ.get("CONTRACT_ARTIFACTS", os.path.join(ROOT, "artifacts", "contract"))
EXAMPLES = os.environ.get("CONTRACT_EXAMPLES", "20")
SEED = "20261202"
ROLES = ["hr", "statistics", "integration", "dpo", "admin"]
# Calls that end the run's own session (or everyone's) are tested in the anonymous run only.
SESSION_ENDING = [("DELETE", "/session"), ("POST", "/sessions/end-all")]


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url, server, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the server exited early with code %s" % server.returncode)
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("the server did not answer within %d s" % seconds)


def sign_in(base, role):
    """The demo login of `role`: its session cookie and CSRF token."""
    body = json.dumps({"name": role, "password": "demo-%s-passwort" % role}).encode()
    request = urllib.request.Request(base + "/api/v1/session", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        token = json.load(response)["csrfToken"]
        cookie = http.cookies.SimpleCookie()
        for header in response.headers.get_all("Set-Cookie"):
            cookie.load(header)
    return "vielfalt_session=" + cookie["vielfalt_session"].value, token


def schemathesis(base, name, headers, excluded):
    command = [SCHEMATHESIS, "run", base + "/api/v1/openapi.yaml", "--base-url", base + "/api/v1",
               "--checks", "all", "--experimental", "coverage-phase", "--experimental", "positive_data_acceptance",
               # The run brings its own session cookie and token; made-up ones with control bytes
               # are refused by the HTTP parser before the application sees them.
               "--generation-with-security-parameters", "false",
               # Valid data may still meet a state that refuses it: a role without the right (401,
               # 403), an unknown id or invitation code (404), a taken name, a decided request or a
               # stored receipt code (409), a code whose check character fails, which no pattern can
               # say (422), a rate limit (429).
               "--experimental-positive-data-acceptance-allowed-statuses", "2xx,401,403,404,409,422,429",
               "--hypothesis-max-examples", EXAMPLES, "--hypothesis-seed", SEED,
               "--request-timeout", "20000", "--junit-xml", os.path.join(ARTIFACTS, name + ".xml")]
    for header in headers:
        command += ["-H", header]
    if headers:
        # The tool cannot take away a cookie given with -H, so "auth ignored" is judged in the
        # anonymous run, where every operation that declares security must answer 401.
        command += ["--exclude-checks", "ignored_auth"]
    # By path (the tool matches the full one, /api/v1 included): POST /session (sign-in) is
    # tested in the anonymous run.
    if excluded:
        command += ["--exclude-path-regex", "(" + "|".join(path for _, path in excluded) + ")$"]
    print("contract test as %s: %s" % (name, " ".join(command[:2] + command[4:])), flush=True)
    with open(os.path.join(ARTIFACTS, name + ".log"), "w") as log:
        outcome = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=dict(os.environ, NO_COLOR="1"))
    with open(os.path.join(ARTIFACTS, name + ".log")) as log:
        summary = [line.rstrip() for line in log if line.startswith(("Performed checks", "    ", "=====", "No issues", "Found"))]
    print("\n".join(summary[-25:]), flush=True)
    return outcome.returncode == 0


def main():
    os.makedirs(ARTIFACTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="vielfalt-contract-")
    data = os.path.join(work, "data")
    server = None
    try:
        subprocess.run([BINARY, "demo", "--data", data, "--forms", os.path.join(ROOT, "forms"), "--hires", "300"],
                       check=True, stdout=subprocess.DEVNULL)
        port = free_port()
        log = open(os.path.join(ARTIFACTS, "server.log"), "w")  # closed with the process
        server = subprocess.Popen([BINARY, "serve", "--data", data, "--forms", os.path.join(ROOT, "forms"),
                                   "--policy", os.path.join(ROOT, "policy"), "--reports", os.path.join(ROOT, "reports"),
                                   "--host", "127.0.0.1", "--port", str(port)], stdout=log, stderr=subprocess.STDOUT)
        base = "http://127.0.0.1:%d" % port
        wait_until_up(base + "/", server)
        sessions = {role: sign_in(base, role) for role in ROLES}
        results = {"anonymous": schemathesis(base, "anonymous", [], [])}
        for role in ROLES:
            cookie, token = sessions[role]
            results[role] = schemathesis(base, role, ["Cookie: " + cookie, "X-CSRF-Token: " + token], SESSION_ENDING)
        failed = [name for name, ok in results.items() if not ok]
        print("contract test: %s" % ("every run passed" if not failed else "failed for " + ", ".join(failed)))
        return 1 if failed else 0
    finally:
        if server is not None:
            server.terminate()
            try:
                server.wait(timeout=10)
            except subprocess.TimeoutExpired:
                server.kill()


if __name__ == "__main__":
    sys.exit(main())
