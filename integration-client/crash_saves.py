"""The crash test (scripts/crash-test.sh drives it): applicants save a part
of the form again and again, concurrently, while the server is killed with
SIGKILL and started again several times. Afterwards every acknowledged save
must still be there with its exact answers: an applicant's stored part is
the last acknowledged save, or a later one that was sent and committed but
whose answer the kill cut off (the client never learnt of it, and the
server may keep it).

Environment: KARTLEGG_URL, the server command in KARTLEGG_SERVER_CMD (run
with `sh -c`), KARTLEGG_CLIENT_ID and KARTLEGG_CLIENT_SECRET (people:write
and codes:issue), KARTLEGG_CRASH_KILLS, KARTLEGG_CRASH_APPLICANTS.
"""

import os
import random
import signal
import subprocess
import sys
import threading
import time

import http_json
from http_json import Down

URL = os.environ["KARTLEGG_URL"]
KILLS = int(os.environ.get("KARTLEGG_CRASH_KILLS", "6"))
APPLICANTS = int(os.environ.get("KARTLEGG_CRASH_APPLICANTS", "32"))
COUNTRIES = ["SOM", "ERI", "SYR", "AFG", "UKR", "SDN", "IRQ", "XXX"]


def request(method, path, token=None, body=None, basic=None, form=None, timeout=10):
    return http_json.request(URL, method, path, token, body, basic, form, timeout)


class Server:
    def __init__(self):
        self.cmd = os.environ["KARTLEGG_SERVER_CMD"]
        self.proc = None

    def start(self):
        self.proc = subprocess.Popen(["sh", "-c", f"exec {self.cmd}"], stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL)
        for _ in range(200):
            try:
                if request("GET", "/readyz", timeout=1)[0] == 200:
                    return
            except Down:
                pass
            time.sleep(0.05)
        sys.exit("the server did not start")

    def kill(self):
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self):
        self.proc.terminate()
        self.proc.wait()


def answers_for(n):
    return {"mother_tongue": "som", "interpreter_language": "no_interpreter",
            "country_background": COUNTRIES[n % len(COUNTRIES)]}


class Applicant:
    def __init__(self, duf, token):
        self.duf = duf
        self.token = token
        self.acked = None  # (revision, answers) of the last acknowledged save
        self.unacked = []  # (revision, answers) sent after it, answer never read
        self.saves = 0

    def run(self, stop):
        revision = None
        n = 0
        while not stop.is_set():
            try:
                if revision is None:
                    status, reg = request("GET", "/api/v1/applicant/registration", self.token)
                    if status != 200:
                        sys.exit(f"GET registration: {status} {reg}")
                    revision = reg["revision"]
                n += 1
                answers = answers_for(n + hash(self.duf))
                self.unacked.append((revision + 1, answers))
                status, body = request("PUT", "/api/v1/applicant/registration/sections/personal",
                                       self.token, {"revision": revision, "answers": answers})
                if status == 200:
                    # Acknowledged: what the server says it stored.
                    self.acked = (body["revision"], body["answers"])
                    self.unacked = []
                    self.saves += 1
                    revision = body["revision"]
                elif status == 409:
                    revision = None  # a save went in whose answer was lost
                else:
                    sys.exit(f"save: {status} {body}")
            except Down:
                revision = None
                time.sleep(0.1)


def main():
    client = f'{os.environ["KARTLEGG_CLIENT_ID"]}:{os.environ["KARTLEGG_CLIENT_SECRET"]}'
    server = Server()
    server.start()
    system = http_json.client_token(URL, client)
    applicants = []
    for i in range(APPLICANTS):
        duf = f"2025{i:08d}"
        token = http_json.consented_applicant(URL, system, duf, "Krasj", f"Test{i}")
        applicants.append(Applicant(duf, token))

    stop = threading.Event()
    threads = [threading.Thread(target=a.run, args=(stop,), daemon=True) for a in applicants]
    for t in threads:
        t.start()
    started = time.monotonic()
    for _ in range(KILLS):
        time.sleep(random.uniform(1.0, 2.5))
        server.kill()
        time.sleep(0.2)
        server.start()
    time.sleep(1.0)
    stop.set()
    for t in threads:
        t.join(timeout=15)
    elapsed = time.monotonic() - started

    lost = 0
    for a in applicants:
        status, reg = request("GET", "/api/v1/applicant/registration", a.token)
        assert status == 200, status
        stored = (reg["revision"], {k: reg["answers"].get(k) for k in answers_for(0)})
        if a.acked is None:
            continue
        acked = (a.acked[0], {k: a.acked[1].get(k) for k in answers_for(0)})
        later = [(r, ans) for r, ans in a.unacked if r > acked[0]]
        if stored != acked and stored not in later:
            lost += 1
            print(f"LOST: {a.duf} acknowledged {acked}, stored {stored}")
    saves = sum(a.saves for a in applicants)
    server.stop()
    print(f"{saves} acknowledged saves by {APPLICANTS} applicants over {KILLS} kills in {elapsed:.0f} s; "
          f"lost: {lost}")
    if lost:
        sys.exit(1)


if __name__ == "__main__":
    main()
