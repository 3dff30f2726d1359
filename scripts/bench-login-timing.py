#!/usr/bin/env python3
"""Does a failed applicant login take longer when the DUF-number has a
live code? Measures alternating wrong-code logins against a DUF-number with
a live code and one without (unknown), on a running server, and prints the
mean, median and the difference with its z-score (issue #11: before the
floor, a live code answered 50-95 us slower, z ~ 8). On demand, not part of
the test command.

Each DUF-number with a code is tried once (five wrong tries would end its
code), so pass as many as there should be samples.

Usage: bench-login-timing.py BASE_URL DUF_WITH_CODE...
"""

import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlparse


def main() -> int:
    base, live = urlparse(sys.argv[1]), sys.argv[2:]
    tries = len(live)
    times: dict[str, list[float]] = {"live": [], "unknown": []}
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=10)
    for i in range(tries * 2):
        kind = "live" if i % 2 == 0 else "unknown"
        duf = live[i // 2] if kind == "live" else f"2099{i:08d}"
        body = json.dumps({"duf_number": duf, "code": "0000 0000"})
        started = time.perf_counter()
        conn.request("POST", "/api/v1/applicant/session", body, {"Content-Type": "application/json"})
        response = conn.getresponse()
        response.read()
        times[kind].append((time.perf_counter() - started) * 1000)
        if response.status != 401:
            print(f"unexpected {response.status}")
            return 1
    a, b = times["live"], times["unknown"]
    diff = statistics.mean(a) - statistics.mean(b)
    se = (statistics.variance(a) / len(a) + statistics.variance(b) / len(b)) ** 0.5
    print(f"{tries} wrong-code logins each, alternating, one connection")
    print(f"  live code: mean {statistics.mean(a):.3f} ms, median {statistics.median(a):.3f} ms")
    print(f"  unknown:   mean {statistics.mean(b):.3f} ms, median {statistics.median(b):.3f} ms")
    print(f"  difference {diff * 1000:.0f} us, z = {diff / se:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
