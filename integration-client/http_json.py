"""JSON over HTTP with nothing but the standard library, for the scripts
that drive a running server (webhook_fault.py, crash_saves.py)."""

import base64
import json
import urllib.error
import urllib.request


class Down(Exception):
    """The server did not answer (killed, or not up yet)."""


def request(url, method, path, token=None, body=None, basic=None, form=None, timeout=20):
    """Sends a request; answers (status, parsed JSON body or None)."""
    headers = {}
    data = None
    if token:
        headers["authorization"] = f"Bearer {token}"
    if basic:
        headers["authorization"] = "Basic " + base64.b64encode(basic.encode()).decode()
    if body is not None:
        headers["content-type"] = "application/json"
        data = json.dumps(body).encode()
    if form is not None:
        headers["content-type"] = "application/x-www-form-urlencoded"
        data = form.encode()
    req = urllib.request.Request(url + path, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(req, timeout=timeout) as res:
            raw = res.read()
            return res.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        raw = e.read()
        return e.code, (json.loads(raw) if raw else None)
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as e:
        raise Down(str(e)) from e


def client_token(url, client):
    """An access token for `client` ("id:secret") by client_secret_basic."""
    status, body = request(url, "POST", "/api/v1/oauth/token", basic=client,
                           form="grant_type=client_credentials")
    if status != 200:
        raise SystemExit(f"token: {status} {body}")
    return body["access_token"]


def consented_applicant(url, system, duf, first_name, last_name):
    """Registers a person through the integration API with the system's
    token (people:write, codes:issue), logs them in with a code of their
    own and accepts the consent; answers the applicant's session token."""
    status, _ = request(url, "PUT", f"/api/v1/people/{duf}", system,
                        {"first_name": first_name, "last_name": last_name, "citizenships": ["SOM"]})
    assert status in (200, 201), status
    status, issued = request(url, "POST", f"/api/v1/people/{duf}/codes", system)
    assert status == 201, (status, issued)
    status, login = request(url, "POST", "/api/v1/applicant/session",
                            body={"duf_number": duf, "code": issued["code"]})
    assert status == 201, (status, login)
    status, _ = request(url, "POST", "/api/v1/applicant/consent", login["token"],
                        {"version": login["session"]["consent_version"], "decision": "accept"})
    assert status == 200, status
    return login["token"]
