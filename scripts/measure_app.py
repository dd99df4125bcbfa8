#!/usr/bin/env python3
"""Measures the built app (run by scripts/measure-app, inside a private keyring and Xvfb).

For each account count: fills a fresh vault with the `vigil` command, starts the app through
tauri-driver (WebDriver), and reports
  - launch to codes: from asking tauri-driver for a session (which starts the app) until every row
    shows a code (an upper bound: it includes WebDriver's own start);
  - memory at rest: PSS from /proc/PID/smaps_rollup summed over the app and its WebKit processes,
    10 seconds after the codes appeared (VIGIL_MEASURE_WAIT seconds).
VIGIL_MEASURE_LONG_NAMES=1 names the accounts like a bank's customers ("Northern Savings Bank 12",
"customer.name.12@example-mail.com"); VIGIL_MEASURE_SCRIPT runs JavaScript in the page before the
wait (for experiments: remove or clone elements and see what they cost).
Standard library only.
"""
import base64
import http.client
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

APP = os.environ["VIGIL_APP_BIN"]
CLI = os.environ["VIGIL_CLI_BIN"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def call(method, url, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(url, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.load(response)["value"]


def fill(data_dir, service, count):
    env = dict(os.environ, VIGIL_DATA_DIR=data_dir, VIGIL_KEYCHAIN_SERVICE=service)
    # VIGIL_MEASURE_LONG_NAMES=1: realistic long names (a 25-character issuer, an e-mail label).
    long_names = os.environ.get("VIGIL_MEASURE_LONG_NAMES") == "1"
    for i in range(count):
        secret = base64.b32encode(os.urandom(20)).decode()
        if long_names:
            issuer, label = f"Northern%20Savings%20Bank%20{i}", f"customer.name.{i}%40example-mail.com"
        else:
            issuer, label = f"Service%20{i}", f"user{i}%40example.com"
        uri = f"otpauth://totp/{issuer}:{label}?secret={secret}&issuer={issuer}"
        subprocess.run([CLI, "add", "--uri", uri], env=env, check=True, stdout=subprocess.DEVNULL)


def descendants(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parent = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(parent, []).append(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def name(pid):
    try:
        with open(f"/proc/{pid}/comm") as f:
            return f.read().strip()
    except OSError:
        return "?"


def measure(count):
    data_dir = tempfile.mkdtemp(prefix="vigil-measure-")
    service = f"vigil-measure-{count}-{time.time_ns()}"
    fill(data_dir, service, count)
    port, native = free_port(), free_port()
    env = dict(os.environ, VIGIL_DATA_DIR=data_dir, VIGIL_KEYCHAIN_SERVICE=service,
               VIGIL_WINDOW_SIZE="1280x800")
    driver = subprocess.Popen(["tauri-driver", "--port", str(port), "--native-port", str(native)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        capabilities = {"capabilities": {"alwaysMatch": {
            "browserName": "wry", "tauri:options": {"application": APP}}}}
        # tauri-driver takes a moment to listen: retry; the clock starts at the attempt that works.
        session = None
        for _ in range(60):
            started = time.monotonic()
            try:
                session = call("POST", f"{base}/session", capabilities)["sessionId"]
                break
            except (OSError, http.client.HTTPException):
                time.sleep(0.5)
        if session is None:
            raise SystemExit("could not start a WebDriver session")
        if count:
            script = ("const rows = document.querySelectorAll('#list .row .code');"
                      "return Array.from(rows).filter((c) => /[0-9]/.test(c.textContent)).length;")
        else:
            script = "return document.querySelector('.empty') ? 0 : -1;"
        shown = -1
        while shown < count and time.monotonic() - started < 120:
            shown = call("POST", f"{base}/session/{session}/execute/sync",
                         {"script": script, "args": []})
            if shown < count:
                time.sleep(0.02)
        elapsed = time.monotonic() - started
        # VIGIL_MEASURE_SCRIPT: JavaScript run in the page before measuring (for experiments).
        if os.environ.get("VIGIL_MEASURE_SCRIPT"):
            call("POST", f"{base}/session/{session}/execute/sync",
                 {"script": os.environ["VIGIL_MEASURE_SCRIPT"], "args": []})
        time.sleep(float(os.environ.get("VIGIL_MEASURE_WAIT", "10")))
        apps = [p for p in descendants(driver.pid) if name(p) == "vigil-app"]
        processes = [p for app in apps for p in descendants(app)]
        total = sum(pss_kib(p) for p in processes)
        parts = ", ".join(f"{name(p)} {pss_kib(p) / 1024:.0f}" for p in processes)
        call("DELETE", f"{base}/session/{session}")
        return elapsed, shown, total / 1024, parts
    finally:
        driver.kill()
        driver.wait()
        subprocess.run(["secret-tool", "clear", "service", service], check=False)
        subprocess.run(["rm", "-rf", data_dir], check=False)


def main():
    counts = [int(c) for c in (sys.argv[1:] or ["0", "100", "500"])]
    print(f"{'accounts':>8}  {'launch to codes':>15}  {'PSS at rest':>11}  processes (MB)")
    for count in counts:
        elapsed, shown, pss, parts = measure(count)
        print(f"{count:>8}  {elapsed:>13.2f} s  {pss:>8.0f} MB  {parts}"
              + ("" if shown == count else f"  (only {shown} codes shown)"), flush=True)


if __name__ == "__main__":
    main()
