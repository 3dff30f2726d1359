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
        status, _ = request("PUT", f"/api/v1/people/{duf}", system,
                            {"first_name": "Bench", "last_name": f"Saver{i}", "citizenships": ["SOM"]})
        assert status in (200, 201), status
        status, issued = request("POST", f"/api/v1/people/{duf}/codes", system)
        assert status == 201, (status, issued)
        status, login = request("POST", "/api/v1/applicant/session",
                                body={"duf_number": duf, "code": issued["code"]})
        assert status == 201, (status, login)
        token = login["token"]
        status, _ = request("POST", "/api/v1/applicant/consent", token,
                            {"version": login["session"]["consent_version"], "decision": "accept"})
        assert status == 200, status
        status, reg = request("GET", "/api/v1/applicant/registration", token)
        assert status == 200, status
        print(token, reg["revision"])


if __name__ == "__main__":
    main()
