"""The webhook fault test (scripts/webhook-fault.sh drives it).

Two `kartlegg serve` processes share one PostgreSQL database. A receiver
here verifies every delivery with the `standardwebhooks` package (an
implementation independent of the server's) and counts them by
`webhook-id`. 1,000 people are created through the integration API, half on
each server; when a third of their events has arrived, server A is killed
with SIGKILL. Every event must still arrive (server B takes over A's leases
when they run out), every signature must verify, and the duplicates must be
few. Prints the delivery rate and the time from the change to its webhook.
"""

import concurrent.futures
import http.server
import json
import os
import signal
import statistics
import sys
import threading
import time

from standardwebhooks.webhooks import Webhook, WebhookVerificationError

import http_json

EVENTS = int(os.environ.get("KARTLEGG_FAULT_EVENTS", "1000"))
KILL_AFTER = EVENTS // 3
MOST_DUPLICATES = 50
DEADLINE_SECS = 120


class Receiver:
    def __init__(self):
        self.lock = threading.Lock()
        self.secret = None
        self.first_seen = {}  # webhook-id -> (monotonic time, DUF-number)
        self.deliveries = 0
        self.bad_signatures = 0
        self.arrived = threading.Condition(self.lock)
        # Set while the receiver holds its answers back: the kill comes
        # then, so the killed server surely has deliveries in flight.
        self.released = threading.Event()
        self.released.set()
        self.held_at = None

    def take(self, body, headers):
        with self.lock:
            secret = self.secret
        try:
            payload = Webhook(secret).verify(body, headers)
        except WebhookVerificationError:
            with self.lock:
                self.bad_signatures += 1
            return
        now = time.monotonic()
        with self.arrived:
            self.deliveries += 1
            msg_id = headers["webhook-id"]
            if msg_id not in self.first_seen:
                self.first_seen[msg_id] = (now, payload["data"]["duf_number"])
            self.arrived.notify_all()


def serve_receiver(receiver):
    class Handler(http.server.BaseHTTPRequestHandler):
        # Keep-alive, so the servers' clients reuse their connections.
        protocol_version = "HTTP/1.1"

        def do_POST(self):
            length = int(self.headers.get("content-length", "0"))
            body = self.rfile.read(length)
            headers = {k.lower(): v for k, v in self.headers.items()}
            receiver.take(body, headers)
            receiver.released.wait()
            self.send_response(204)
            self.send_header("content-length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    class Server(http.server.ThreadingHTTPServer):
        # Two servers send up to 32 deliveries each at once.
        request_queue_size = 256

        def handle_error(self, request, client_address):
            # The killed server's connections are reset by design.
            pass

    server = Server(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server.server_address[1]


def main():
    url_a, url_b = os.environ["KARTLEGG_URL_A"], os.environ["KARTLEGG_URL_B"]
    pid_a = int(os.environ["KARTLEGG_PID_A"])
    client = f'{os.environ["KARTLEGG_CLIENT_ID"]}:{os.environ["KARTLEGG_CLIENT_SECRET"]}'

    tokens = {url_a: http_json.client_token(url_a, client), url_b: http_json.client_token(url_b, client)}
    receiver = Receiver()
    port = serve_receiver(receiver)
    status, created = http_json.request(url_a, "POST", "/api/v1/webhooks", tokens[url_a],
                                        {"url": f"http://127.0.0.1:{port}/hook", "types": ["person.created"]})
    if status != 201:
        raise SystemExit(f"registering the webhook: {status} {created}")
    receiver.secret = created["secret"]

    changed_at = {}  # DUF-number -> monotonic time its PUT was answered
    a_alive = threading.Event()
    a_alive.set()

    def create(n):
        duf = f"2026{n:08d}"
        body = {"first_name": "Fault", "last_name": f"Test{n}", "citizenships": ["ERI"]}
        base = url_a if n % 2 == 0 and a_alive.is_set() else url_b
        for _ in range(3):
            try:
                status, answer = http_json.request(base, "PUT", f"/api/v1/people/{duf}", tokens[base], body)
            except http_json.Down:
                base = url_b  # A was killed under this request
                continue
            if status not in (200, 201):
                raise RuntimeError(f"PUT {duf}: {status} {answer}")
            changed_at[duf] = time.monotonic()
            return
        raise RuntimeError(f"could not create {duf}")

    started = time.monotonic()

    def killer():
        with receiver.arrived:
            receiver.arrived.wait_for(lambda: len(receiver.first_seen) >= KILL_AFTER, DEADLINE_SECS)
            receiver.released.clear()
            receiver.held_at = time.monotonic()
        # Both servers now wait for answers to what they sent.
        time.sleep(1)
        a_alive.clear()
        os.kill(pid_a, signal.SIGKILL)
        receiver.released.set()
        print(f"server A killed with SIGKILL after {len(receiver.first_seen)} events arrived")

    kill_thread = threading.Thread(target=killer, daemon=True)
    kill_thread.start()
    with concurrent.futures.ThreadPoolExecutor(max_workers=8) as pool:
        list(pool.map(create, range(EVENTS)))
    with receiver.arrived:
        receiver.arrived.wait_for(lambda: len(receiver.first_seen) >= EVENTS, DEADLINE_SECS)
    finished = time.monotonic()
    kill_thread.join(timeout=1)
    # What the killed server had sent but not recorded is sent again by the
    # other once its leases run out (KARTLEGG_WEBHOOK_LEASE_SECS, 5 here):
    # wait for that, to count those duplicates too.
    time.sleep(float(os.environ.get("KARTLEGG_WEBHOOK_LEASE_SECS", "5")) + 3)

    unique = len(receiver.first_seen)
    duplicates = receiver.deliveries - unique
    # The time from change to webhook, of the events changed before the
    # receiver held its answers for the kill (the hold delays the rest by
    # design). A webhook may arrive before the client has read the PUT's
    # answer: that counts as 0.
    held_at = receiver.held_at or finished
    latencies = sorted(
        max(0.0, seen - changed_at[duf]) * 1000
        for seen, duf in receiver.first_seen.values()
        if duf in changed_at and changed_at[duf] < held_at
    )
    print(f"events created: {EVENTS}; received: {unique}; deliveries: {receiver.deliveries}; "
          f"duplicates: {duplicates}; bad signatures: {receiver.bad_signatures}")
    if latencies:
        p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
        print(f"delivery rate: {unique / (finished - started):.0f} events/s over "
              f"{finished - started:.1f} s (one server killed on the way)")
        print(f"change to webhook: median {statistics.median(latencies):.0f} ms, p99 {p99:.0f} ms "
              f"({len(latencies)} events changed before the kill)")
    ok = unique == EVENTS and receiver.bad_signatures == 0 and duplicates <= MOST_DUPLICATES
    if not ok:
        print("FAILED: every event must arrive, every signature verify, "
              f"and at most {MOST_DUPLICATES} duplicates")
        sys.exit(1)


if __name__ == "__main__":
    main()
