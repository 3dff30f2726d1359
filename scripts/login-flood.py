#!/usr/bin/env python3
"""Floods a running Kartlegg server with failed caseworker logins and
reports its memory (issue #11, item 6).

Every login has an unknown username and comes from its own loopback
address (127.0.x.y), so neither the per-account nor the per-address delay
refuses it: each one costs a full argon2 check, as with an attacker who has
many addresses. Prints the server's peak RSS (VmHWM) and its RSS a few
seconds after the flood, and fails when either is over the budget.

Usage: login-flood.py BASE_URL SERVER_PID [LOGINS] [PARALLEL]
"""

import http.client
import json
import sys
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

BUDGET_MB = 256


def status_kb(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/{pid}/status")


def main() -> int:
    base, pid = urlparse(sys.argv[1]), int(sys.argv[2])
    logins = int(sys.argv[3]) if len(sys.argv) > 3 else 600
    parallel = int(sys.argv[4]) if len(sys.argv) > 4 else 32
    for _ in range(300):
        try:
            conn = http.client.HTTPConnection(base.hostname, base.port, timeout=2)
            conn.request("GET", "/readyz")
            if conn.getresponse().status == 200:
                break
        except OSError:
            time.sleep(0.1)
    else:
        print("the server did not become ready")
        return 1
    before = status_kb(pid, "VmRSS")
    statuses: dict[int, int] = {}
    lock = threading.Lock()

    def one(i: int) -> None:
        source = f"127.0.{1 + i // 250 % 250}.{1 + i % 250}"
        conn = http.client.HTTPConnection(base.hostname, base.port, timeout=60, source_address=(source, 0))
        body = json.dumps({"username": f"flood-{uuid.uuid4()}", "password": "not a password at all"})
        conn.request("POST", "/api/v1/caseworker/login", body, {"Content-Type": "application/json"})
        status = conn.getresponse().status
        conn.close()
        with lock:
            statuses[status] = statuses.get(status, 0) + 1

    started = time.monotonic()
    with ThreadPoolExecutor(parallel) as pool:
        list(pool.map(one, range(logins)))
    took = time.monotonic() - started
    peak = status_kb(pid, "VmHWM")
    time.sleep(5)
    settled = status_kb(pid, "VmRSS")
    print(
        f"{logins} failed logins, {parallel} at a time, in {took:.1f} s "
        f"({logins / took:.0f}/s); answers {dict(sorted(statuses.items()))}"
    )
    print(
        f"server RSS: {before / 1024:.0f} MB before, peak {peak / 1024:.0f} MB, "
        f"{settled / 1024:.0f} MB 5 s after (budget {BUDGET_MB} MB)"
    )
    unexpected = {s: n for s, n in statuses.items() if s not in (401, 429)}
    if unexpected:
        print(f"unexpected answers: {unexpected}")
        return 1
    if statuses.get(401, 0) < logins // 2:
        print("fewer than half the logins were checked: the flood did not test the checks")
        return 1
    return 0 if max(peak, settled) < BUDGET_MB * 1024 else 1


if __name__ == "__main__":
    sys.exit(main())
