#!/usr/bin/env python3
"""Load benchmark of the web application: concurrent HR clients entering responses through the JSON API.

Bounded and on loopback only: it starts `vielfalt serve` on a free 127.0.0.1 port against a fresh demo
store, signs in CLIENTS HR sessions, and enters RESPONSES responses between them. It reports
throughput and latency percentiles, and checks that nothing was lost (every 201 has a receipt, and the
store holds exactly the responses entered) and that no request got a 5xx. A measurement: it asserts
no time. Exit code 1 when something was lost or failed.

    python3 Benchmarks/web_load.py --binary .build/release/vielfalt [--clients 50] [--responses 10000]
"""
import argparse
import http.cookiejar
import json
import os
import random
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.error
import urllib.request

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
UNITS = ["10", "11", "20", "32", "33", "37", "40", "50", "51", "53", "61", "63", "66", "67"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(opener, url, body, headers):
    request = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json", **headers})
    started = time.perf_counter()
    try:
        with opener.open(request, timeout=30) as response:
            return response.status, json.loads(response.read() or b"{}"), time.perf_counter() - started
    except urllib.error.HTTPError as error:
        return error.code, {}, time.perf_counter() - started


def client(base, count, seed, results, lock):
    rng = random.Random(seed)
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
    status, body, _ = post(opener, base + "/api/v1/session", {"name": "hr", "password": "demo-hr-passwort"}, {})
    if status != 200:
        with lock:
            results["login_failures"] += 1
        return
    headers = {"X-CSRF-Token": body["csrfToken"]}
    for _ in range(count):
        entry = {"form": "migration-background", "version": 1, "consent": True,
                 "context": {"unit": rng.choice(UNITS), "hired": "2025-%02d" % rng.randint(1, 12),
                             "career_group": rng.choice(["einfach", "mittel", "gehoben", "hoeher"]),
                             "employment": rng.choice(["regular", "trainee"])},
                 "answers": {"born_in_germany": rng.choice(["yes", "no", "no_answer"]),
                             "citizenship": rng.choice(["german_by_birth", "german_naturalised", "not_german"])}}
        status, body, seconds = post(opener, base + "/api/v1/entries", entry, headers)
        with lock:
            results["latencies"].append(seconds)
            results["statuses"][status] = results["statuses"].get(status, 0) + 1
            if status == 201 and len(body.get("receipt", "")) == 23:
                results["receipts"] += 1


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "release", "vielfalt"))
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--responses", type=int, default=10000)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="vielfalt-load-")
    data = os.path.join(work, "data")
    forms = os.path.join(ROOT, "forms")
    subprocess.run([args.binary, "demo", "--data", data, "--hires", "10", "--forms", forms], check=True, capture_output=True)
    before = held(args.binary, data)
    port = free_port()
    server = subprocess.Popen([args.binary, "serve", "--data", data, "--forms", forms, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = "http://127.0.0.1:%d" % port
    try:
        deadline = time.time() + 60
        while True:
            try:
                urllib.request.urlopen(base + "/login", timeout=2).close()
                break
            except OSError:
                if time.time() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start")
                time.sleep(0.3)
        results = {"latencies": [], "statuses": {}, "receipts": 0, "login_failures": 0}
        lock = threading.Lock()
        share = [args.responses // args.clients + (1 if i < args.responses % args.clients else 0) for i in range(args.clients)]
        threads = [threading.Thread(target=client, args=(base, share[i], i, results, lock)) for i in range(args.clients)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=1800)
        wall = time.perf_counter() - started
    finally:
        server.terminate()
        server.wait(timeout=30)
    stored = held(args.binary, data) - before
    shutil.rmtree(work, ignore_errors=True)

    latencies = sorted(results["latencies"])
    def pct(p):
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000 if latencies else float("nan")
    errors = sum(n for s, n in results["statuses"].items() if s >= 500)
    lost = args.responses - stored
    print("clients %d, responses sent %d in %.1f s = %.0f/s" % (args.clients, len(latencies), wall, len(latencies) / wall))
    print("latency ms: p50 %.1f, p95 %.1f, p99 %.1f, max %.1f" % (pct(0.50), pct(0.95), pct(0.99), pct(1.0)))
    print("statuses %s, receipts %d, stored %d, lost %d, 5xx %d, failed logins %d"
          % (dict(sorted(results["statuses"].items())), results["receipts"], stored, lost, errors, results["login_failures"]))
    failed = (lost != 0) + (errors != 0) + (results["receipts"] != args.responses) + (results["login_failures"] != 0)
    print("%d passed, %d failed" % (4 - failed, failed))
    raise SystemExit(1 if failed else 0)


def held(binary, data):
    """Responses held in the store, from the DPO audit (counts only)."""
    out = subprocess.run([binary, "audit", "--data", data, "--format", "json", "--policy", os.path.join(ROOT, "policy")],
                         capture_output=True, text=True, cwd=ROOT)
    return sum(p["responses"] for p in json.loads(out.stdout)["periods"])


if __name__ == "__main__":
    main()
