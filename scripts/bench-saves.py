"""Prepares the save benchmark (scripts/bench-saves.sh): N applicants, each
registered through the integration API, logged in with a code of their own
and consented, with a first save made. Prints one line per applicant,
"TOKEN REVISION", for the wrk script.

Usage: bench-saves.py URL CLIENT_ID:SECRET N PREFIX
"""

import sys

sys.path.insert(0, sys.path[0] + "/../integration-client")
import http_json  # noqa: E402


def main():
    url, client, count, prefix = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]

    def request(method, path, token=None, body=None):
        return http_json.request(url, method, path, token, body)

    system = http_json.client_token(url, client)
    for i in range(count):
        duf = f"{prefix}{i:08d}"
        token = http_json.consented_applicant(url, system, duf, "Bench", f"Saver{i}")
        status, reg = request("GET", "/api/v1/applicant/registration", token)
        assert status == 200, status
        print(token, reg["revision"])


if __name__ == "__main__":
    main()
