#!/usr/bin/env python3
"""The back office with many people (issue #17, item 4): sequential
requests as a counsellor (and an auditor) against a running server whose
demo organisation holds the made-up population of `kartlegg demo seed
--people N` (backend/src/population.rs), and prints a table of p50, p95 and
p99 per kind of request, the CSV export's rows/s with the server's peak RSS
during it, and the audit log. On demand, not part of the test command; run
through scripts/bench-people.sh, which seeds and starts the server.

Each measurement takes up to SAMPLES requests or BUDGET seconds, whichever
comes first (at least 3), so that a slow kind of request reports what it
got instead of running for an hour.

Usage: bench-people.py BASE_URL SERVER_PID PEOPLE [SAMPLES] [BUDGET]
"""

import os
import http.client
import json
import random
import sys
import time
from urllib.parse import urlencode, urlparse

PASSWORD = "kartlegg-demo-2026"
DUF_PREFIX = 1999_0000_0000


def status_kb(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError(f"{field} not in /proc/{pid}/status")


def reset_peak_rss(pid: int) -> None:
    # Writing 5 to clear_refs resets VmHWM to the current RSS (Linux), so
    # that the peak read afterwards is the export's own.
    with open(f"/proc/{pid}/clear_refs", "w") as f:
        f.write("5")


def national_id(i: int):
    """As population::national_id: nine digits unique to i, two check digits."""
    d = [int(c) for c in f"{100_000_000 + (i * 3) % 900_000_000:09d}"]
    for weights in ([3, 7, 6, 1, 8, 9, 4, 5, 2], [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]):
        k = 11 - sum(a * b for a, b in zip(d, weights)) % 11
        if k == 10:
            return None
        d.append(0 if k == 11 else k)
    return "".join(map(str, d))


class Client:
    def __init__(self, base):
        self.base = base
        self.conn = http.client.HTTPConnection(base.hostname, base.port, timeout=600)
        self.token = None

    def request(self, method, path, body=None, stream=False):
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            headers["Content-Type"] = "application/json"
            body = json.dumps(body)
        try:
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            # A server that timed a request out may close the connection.
            self.conn.close()
            self.conn = http.client.HTTPConnection(self.base.hostname, self.base.port, timeout=600)
            self.conn.request(method, path, body, headers)
            response = self.conn.getresponse()
        if stream:
            return response
        data = response.read()
        return response.status, data

    def login(self, username):
        status, data = self.request("POST", "/api/v1/caseworker/login", {"username": username, "password": PASSWORD})
        if status not in (200, 201):
            raise RuntimeError(f"login {username}: {status} {data[:200]!r}")
        self.token = json.loads(data)["token"]


ROWS = []


def measure(name, client, requests, samples, budget, expect=200):
    """Times requests (method, path, body) one after another."""
    times, failures, started = [], 0, time.perf_counter()
    for method, path, body in requests:
        t0 = time.perf_counter()
        status, _ = client.request(method, path, body)
        times.append((time.perf_counter() - t0) * 1000)
        if status != expect:
            failures += 1
        if len(times) >= samples or (len(times) >= 3 and time.perf_counter() - started > budget):
            break
    times.sort()

    def pct(p):
        return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]

    ROWS.append((name, len(times), pct(50), pct(95), pct(99), failures))
    print(f"  {name:<44} n={len(times):>4}  p50 {pct(50):9.1f}  p95 {pct(95):9.1f}  p99 {pct(99):9.1f} ms"
          + (f"  {failures} not {expect}" if failures else ""), flush=True)


def cycle(items):
    while True:
        yield from items


# The coded questions the statistics page shows, one request each
# (frontend/src/caseworker/pages/statistics/mod.rs, QUESTIONS).
STATISTICS_QUESTIONS = [
    "mother_tongue", "country_background", "highest_education", "school_level",
    "educations.level", "norwegian_speak", "norwegian_read", "norwegian_write",
    "licence_classes", "jobs.occupation", "wants_education", "wanted_level",
    "wanted_field", "wants_work", "wanted_occupation",
]


def statistics_page(base, label, query, samples, budget):
    """One view of the statistics page as the browser loads it: the
    organisations, the completions and every question's distribution, six
    requests at a time (a browser's connections to one host), timed from
    the first request to the last answer."""
    from concurrent.futures import ThreadPoolExecutor
    stats = "/api/v1/caseworker/statistics"
    sep = "&" if query else ""
    paths = [f"{stats}/organisations", f"{stats}/completions?period=month{sep}{query}"] + [
        f"{stats}/answers/{q}" + (f"?{query}" if query else "") for q in STATISTICS_QUESTIONS
    ]
    clients = []
    for _ in range(6):
        c = Client(base)
        c.login("demo.statistics")
        clients.append(c)
    times, failures, started = [], 0, time.perf_counter()
    with ThreadPoolExecutor(6) as pool:
        while True:
            t0 = time.perf_counter()
            done = list(pool.map(lambda ip: clients[ip[0] % 6].request("GET", ip[1])[0],
                                 enumerate(paths)))
            times.append((time.perf_counter() - t0) * 1000)
            failures += sum(1 for status in done if status != 200)
            if len(times) >= samples or (len(times) >= 3 and time.perf_counter() - started > budget):
                break
    times.sort()

    def pct(p):
        return times[min(len(times) - 1, int(round(p / 100 * (len(times) - 1))))]

    name = f"statistics page ({len(paths)} requests): {label}"
    ROWS.append((name, len(times), pct(50), pct(95), pct(99), failures))
    print(f"  {name:<44} n={len(times):>4}  p50 {pct(50):9.1f}  p95 {pct(95):9.1f}  p99 {pct(99):9.1f} ms"
          + (f"  {failures} not 200" if failures else ""), flush=True)


def statistics_views(base, samples, budget):
    """The statistics role's views over every completed registration of the
    organisation (issue #16: any view within 1 s), one request at a time,
    then whole pages."""
    st = Client(base)
    st.login("demo.statistics")
    stats = "/api/v1/caseworker/statistics"
    year = time.strftime("%Y")
    for label, path in [
        ("statistics: completions per month", f"{stats}/completions?period=month"),
        ("statistics: completions per week", f"{stats}/completions?period=week"),
        ("statistics: mother tongue", f"{stats}/answers/mother_tongue"),
        ("statistics: country background", f"{stats}/answers/country_background"),
        ("statistics: highest education level", f"{stats}/answers/highest_education"),
        ("statistics: mother tongue, women 25-34",
         f"{stats}/answers/mother_tongue?gender=female&age_band=25_34"),
        ("statistics: occupations, one year", f"{stats}/answers/jobs.occupation?from={year}-01&to={year}-12"),
        ("statistics: occupations, men 35-44, one year",
         f"{stats}/answers/jobs.occupation?from={year}-01&to={year}-12&gender=male&age_band=35_44"),
        ("statistics: weeks, women, one month",
         f"{stats}/completions?period=week&from={year}-03&to={year}-03&gender=female"),
    ]:
        measure(label, st, (("GET", path, None) for _ in cycle([0])), min(samples, 20), budget)
    for label, query in [
        ("no filter", ""),
        ("one year", f"from={year}-01&to={year}-12"),
        ("women 25-34, one year", f"from={year}-01&to={year}-12&gender=female&age_band=25_34"),
        ("men under 18, one month", "age_band=under_18&from=" + year + "-01&to=" + year + "-01&gender=male"),
    ]:
        statistics_page(base, label, query, min(samples, 20), budget)


def report(rss_start, pid) -> int:
    """Prints the table of every measurement."""
    ROWS.append(("server RSS MB at start / at end / peak", 0, rss_start, status_kb(pid, "VmRSS") / 1024,
                 status_kb(pid, "VmHWM") / 1024, 0))
    print()
    print("| measurement | n | p50 | p95 | p99 |")
    print("| --- | --- | --- | --- | --- |")
    for name, n, p50, p95, p99, failures in ROWS:
        cells = [f"{v:.1f}" if v is not None else "" for v in (p50, p95, p99)]
        flag = f" ({failures} failed)" if failures else ""
        print(f"| {name}{flag} | {n} | " + " | ".join(cells) + " |")
    return 0


def export_and_audit(base, cw, samples, budget, pid):
    """The CSV exports (rows/s, peak RSS), the audit pages and the chain
    verification."""
    week_from = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 8 * 86400))
    week_to = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 2 * 86400))

    def export(label, q):
        reset_peak_rss(pid)
        t0 = time.perf_counter()
        response = cw.request("GET", "/api/v1/caseworker/people/export?" + urlencode(q), stream=True)
        first, rows, size, cut = None, 0, 0, ""
        while True:
            try:
                chunk = response.read1(65536)
            except http.client.IncompleteRead:
                # The server ended the answer early (an error mid-stream).
                cut = " CUT OFF"
                cw.conn.close()
                break
            if not chunk:
                break
            if first is None:
                first = time.perf_counter() - t0
            rows += chunk.count(b"\r\n")
            size += len(chunk)
        secs = time.perf_counter() - t0
        rows -= 1  # the header
        peak = status_kb(pid, "VmHWM") / 1024
        print(f"  export {label:<37} {rows:>8} rows in {secs:7.2f} s = {rows / secs:9.0f} rows/s;"
              f" first bytes after {first or 0:.3f} s; peak RSS {peak:.1f} MB (status {response.status}){cut}", flush=True)
        ROWS.append((f"export {label}: rows/s{cut}", rows, rows / secs, None, None, 0))
        ROWS.append((f"export {label}: peak RSS MB", rows, peak, None, None, 0))

    export("one week (created)", {"created_from": week_from, "created_to": week_to})
    export("whole list", {})

    au = Client(base)
    au.login("demo.auditor")
    measure("audit page 1", au, (("GET", "/api/v1/caseworker/audit", None) for _ in cycle([0])), samples, budget)
    measure("audit page 100", au, (("GET", "/api/v1/caseworker/audit?page=100", None) for _ in cycle([0])),
            samples, budget)
    t0 = time.perf_counter()
    status, data = au.request("GET", "/api/v1/caseworker/audit/verify")
    secs = time.perf_counter() - t0
    result = json.loads(data) if status == 200 else {}
    print(f"  audit chain verification: {result.get('events_checked')} events in {secs:.2f} s,"
          f" intact={result.get('intact')}", flush=True)
    ROWS.append(("audit chain verification: s", result.get("events_checked", 0), secs, None, None,
                 0 if result.get("intact") else 1))



def main() -> int:
    base, pid, people = urlparse(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    samples = int(sys.argv[4]) if len(sys.argv) > 4 else 200
    budget = float(sys.argv[5]) if len(sys.argv) > 5 else 20.0
    rng = random.Random(17)
    for _ in range(600):
        try:
            c = http.client.HTTPConnection(base.hostname, base.port, timeout=2)
            c.request("GET", "/readyz")
            if c.getresponse().status == 200:
                break
        except OSError:
            pass
        time.sleep(0.1)
    else:
        print("the server did not become ready")
        return 1
    rss_start = status_kb(pid, "VmRSS") / 1024
    if os.environ.get("BENCH_ONLY") == "statistics":
        print(f"{people} made-up people, each with a completed registration; times in ms")
        statistics_views(base, samples, budget)
        return report(rss_start, pid)
    cw = Client(base)
    cw.login("demo.counsellor")
    print(f"{people} made-up people; sequential requests, one connection; times in ms")

    def search(text):
        return ("POST", "/api/v1/caseworker/search", {"query": text})

    picks = [rng.randrange(people) for _ in range(samples)]
    dufs = [str(DUF_PREFIX + i) for i in picks]
    if os.environ.get("BENCH_ONLY") == "export":
        export_and_audit(base, cw, samples, budget, pid)
        return report(rss_start, pid)
    measure("search: exact DUF-number", cw, (search(d) for d in dufs), samples, budget)
    # The people found by DUF-number give ids and dates of birth to ask for.
    found = []
    for d in dufs[:50]:
        _, data = cw.request(*search(d))
        found += json.loads(data)["results"]
    ids = [p["id"] for p in found]
    measure("person page", cw, (("GET", f"/api/v1/caseworker/people/{i}", None) for i in cycle(ids)), samples, budget)
    only_lists = os.environ.get("BENCH_ONLY") == "list"
    if not only_lists:
        searches(cw, picks, found, samples, budget)
    if os.environ.get("BENCH_ONLY") == "search":
        return report(rss_start, pid)
    lists(cw, people, ids, rng, samples, budget)
    if only_lists:
        return report(rss_start, pid)
    export_and_audit(base, cw, samples, budget, pid)
    statistics_views(base, samples, budget)
    return report(rss_start, pid)


def searches(cw, picks, found, samples, budget):
    def search(text):
        return ("POST", "/api/v1/caseworker/search", {"query": text})

    measure("search: registration number", cw,
            (search(f"{(i * 7919) % 1_000_000:06d}") for i in picks), samples, budget)
    nids = [n for n in (national_id(i) for i in picks) if n]
    measure("search: national ID", cw, (search(n) for n in cycle(nids)), samples, budget)
    dobs = [p["date_of_birth"] for p in found if p.get("date_of_birth")]
    measure("search: date of birth", cw,
            (search(".".join(reversed(d.split("-")))) for d in cycle(dobs)), samples, budget)
    measure("search: 'surname, first' common", cw, (search("Tesfay, Yonas") for _ in cycle([0])), samples, budget)
    measure("search: 'surname, first' rare", cw, (search("Bangura, Mariama") for _ in cycle([0])), samples, budget)
    measure("search: 3 letters of a name", cw,
            (search(w) for w in cycle(["kov", "has", "ahm", "mul", "ngu", "rah", "ali", "osm"])), samples, budget)
    measure("search: accented partial 'ødeg'", cw, (search("ødeg") for _ in cycle([0])), samples, budget)
    measure("search: a surname alone, common", cw, (search("Tesfay,") for _ in cycle([0])), samples, budget)
    measure("search: a first name alone, rare", cw, (search(", Mariama") for _ in cycle([0])), samples, budget)
    measure("search: two words", cw, (search("ali yonas") for _ in cycle([0])), samples, budget)
    measure("search: 2 letters", cw, (search("ng") for _ in cycle([0])), samples, budget)


def lists(cw, people, ids, rng, samples, budget):
    def people_page(**q):
        return ("GET", "/api/v1/caseworker/people?" + urlencode(q), None)

    last = max(1, (people + 49) // 50)
    for sort in ["name", "duf_number", "date_of_birth", "created_at", "completed_at", "state"]:
        measure(f"list: sort {sort}, page 1", cw, (people_page(sort=sort) for _ in cycle([0])), samples, budget)
        measure(f"list: sort {sort} desc, page 2", cw,
                (people_page(sort=sort, order="desc", page=2) for _ in cycle([0])), samples, budget)
        measure(f"list: sort {sort}, deep pages", cw,
                (people_page(sort=sort, page=rng.randrange(last // 2, last + 1)) for _ in cycle([0])),
                samples, budget)
    # Keyset pages: a cursor is a person's id, so any person found is a
    # place deep in the list to read on from; every sort, both orders.
    for sort in ["name", "duf_number", "created_at", "date_of_birth", "completed_at", "state"]:
        for order in ["asc", "desc"]:
            measure(f"list: sort {sort} {order}, cursor deep (after=)", cw,
                    (people_page(sort=sort, order=order, after=i) for i in cycle(ids)), samples, budget)
    week_from = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 8 * 86400))
    week_to = time.strftime("%Y-%m-%d", time.gmtime(time.time() - 2 * 86400))
    filters = {
        "state=completed": {"state": "completed"},
        "state=no_code": {"state": "no_code"},
        "created in a week": {"created_from": week_from, "created_to": week_to},
        "completed in a week": {"completed_from": week_from, "completed_to": week_to},
        "worklist_only": {"worklist_only": "true"},
    }
    for name, q in filters.items():
        measure(f"list: {name}, page 1", cw, (people_page(**q) for _ in cycle([0])), samples, budget)
    measure("list: state=completed, page 1000", cw,
            (people_page(state="completed", page=min(1000, last)) for _ in cycle([0])), samples, budget)
    measure("worklist", cw, (("GET", "/api/v1/caseworker/worklist", None) for _ in cycle([0])), samples, budget)


if __name__ == "__main__":
    sys.exit(main())
