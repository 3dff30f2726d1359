"""A system integrator's scenario, written against the Python client that
openapi-python-client generates from the committed openapi/openapi.json
(scripts/integration-client.sh generates it into a temporary folder as the
package `kartlegg_client` and runs this file against a release server).

Every HTTP call goes through the generated client: its operation functions,
its models and its `Client`/`AuthenticatedClient`. Written by hand are only
what the document cannot give: the key pair and the signed client assertion
(`private_key_jwt`, PyJWT), and `Authorization: Basic` for
`client_secret_basic` (the document declares no `http basic` scheme for the
token endpoint, since the form's `client_secret` is the other way; the
header is handed to the generated client's httpx as its `auth`).

    python scenario.py keygen PRIVATE_PEM PUBLIC_PEM
    python scenario.py run   (settings in the environment, see `main`)
"""

import datetime
import json
import os
import sys
import time
import uuid

import httpx
import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519

from kartlegg_client import AuthenticatedClient, Client
from kartlegg_client.api.applicant import (
    complete_registration,
    consent,
    current_registration,
    log_in,
    save_section,
)
from kartlegg_client.api.codes import issue_code
from kartlegg_client.api.oauth import metadata, token
from kartlegg_client.api.people import (
    import_people,
    people_page,
    put_person,
    read_person,
)
from kartlegg_client.api.registrations import person_registrations, registration
from kartlegg_client.models import (
    Answers,
    BatchPerson,
    BatchResult,
    ConsentDecision,
    ConsentRequest,
    ConsentRequestVersion,
    Gender,
    IntegrationPeoplePage,
    IntegrationPerson,
    IntegrationRegistration,
    IntegrationRegistrations,
    IssuedCode,
    LoginRequest,
    LoginResponse,
    OAuthError,
    PeopleBatch,
    PersonPut,
    Problem,
    Registration,
    RegistrationStatus,
    SaveSectionRequest,
    SaveSectionSection,
    ServerMetadata,
    SessionInfo,
    TokenRequest,
    TokenResponse,
)
from kartlegg_client.types import Unset

JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"

# Answers to every required question, part by part: the shortest way to a
# complete registration (the same as `complete_answers()` in
# backend/tests/api/applicant_registration.rs; scripts/fuzz-api.sh uses the
# file too).
with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "complete-answers.json")) as f:
    COMPLETE_ANSWERS = [(p["part"], p["answers"]) for p in json.load(f)]

checks = 0


def check(condition, what):
    """One claim of the scenario; the run stops at the first that fails."""
    global checks
    if not condition:
        raise SystemExit(f"FAILED: {what}")
    checks += 1
    print(f"  ok  {what}")


def expect(response, status, model, what):
    """The generated client's detailed response: its status and its parsed
    model, which must be the one the document names for that status."""
    if response.status_code != status:
        body = response.content.decode(errors="replace")[:400]
        check(False, f"{what}: {status} (got {int(response.status_code)}: {body})")
    check(True, f"{what}: {status}")
    if model is not None:
        check(isinstance(response.parsed, model),
              f"{what}: the answer parses as {model.__name__} (got {type(response.parsed).__name__})")
    return response.parsed


def keygen(private_path, public_path):
    """An Ed25519 key pair: the private key signs client assertions, the
    public key (a PEM `PUBLIC KEY`) is registered with the client."""
    key = ed25519.Ed25519PrivateKey.generate()
    with open(private_path, "wb") as f:
        f.write(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                  serialization.NoEncryption()))
    with open(public_path, "wb") as f:
        f.write(key.public_key().public_bytes(serialization.Encoding.PEM,
                                              serialization.PublicFormat.SubjectPublicKeyInfo))


def client_assertion(client_id, audience, private_pem):
    """RFC 7523 §2.2 and OpenID Connect Core §9: iss = sub = the client id,
    aud = the token endpoint, a short exp, a jti used once."""
    now = int(time.time())
    claims = {
        "iss": client_id,
        "sub": client_id,
        "aud": audience,
        "iat": now,
        "exp": now + 120,
        "jti": str(uuid.uuid4()),
    }
    return jwt.encode(claims, private_pem, algorithm="EdDSA")


def main():
    base = os.environ["KARTLEGG_URL"]
    jwt_client_id = os.environ["KARTLEGG_JWT_CLIENT_ID"]
    private_pem = open(os.environ["KARTLEGG_JWT_PRIVATE_KEY"], "rb").read()
    secret_client_id = os.environ["KARTLEGG_SECRET_CLIENT_ID"]
    secret = os.environ["KARTLEGG_CLIENT_SECRET"]
    run = uuid.uuid4().hex[:8]
    dufs = ["202499100001", "202499100002", "202499100003"]

    # Undocumented statuses raise: the document must name every answer.
    anonymous = Client(base_url=base, raise_on_unexpected_status=True)

    print("The token endpoint, from the authorization server metadata (RFC 8414)")
    meta = expect(metadata.sync_detailed(client=anonymous), 200, ServerMetadata, "GET /.well-known/oauth-authorization-server")
    check(meta.token_endpoint == f"{base}/api/v1/oauth/token", f"token_endpoint is {base}/api/v1/oauth/token")
    check("private_key_jwt" in meta.token_endpoint_auth_methods_supported, "private_key_jwt is supported")
    check("EdDSA" in meta.token_endpoint_auth_signing_alg_values_supported, "EdDSA assertions are supported")

    print("A token with private_key_jwt")
    assertion = client_assertion(jwt_client_id, meta.token_endpoint, private_pem)
    form = TokenRequest(
        grant_type="client_credentials",
        client_assertion_type=JWT_BEARER,
        client_assertion=assertion,
        scope="people:read people:write codes:issue",
    )
    granted = expect(token.sync_detailed(client=anonymous, body=form), 200, TokenResponse, "POST /api/v1/oauth/token (private_key_jwt)")
    check(granted.token_type.lower() == "bearer", "a Bearer token")
    check(0 < granted.expires_in <= 3600, f"it lasts at most an hour ({granted.expires_in} s)")
    check(set(granted.scope.split()) == {"people:read", "people:write", "codes:issue"}, f"with the scopes asked for ({granted.scope})")
    replayed = expect(token.sync_detailed(client=anonymous, body=form), 401, OAuthError, "the same assertion again (jti used once)")
    check(replayed.error == "invalid_client", "is invalid_client")
    system = AuthenticatedClient(base_url=base, token=granted.access_token, raise_on_unexpected_status=True)

    print("A token with the client secret (client_secret_post and client_secret_basic)")
    posted = expect(token.sync_detailed(client=anonymous, body=TokenRequest(
        grant_type="client_credentials", client_id=secret_client_id, client_secret=secret,
    )), 200, TokenResponse, "POST /api/v1/oauth/token (client_secret_post)")
    check(set(posted.scope.split()) == {"people:read", "registrations:read"}, f"every scope the client has, when none is asked for ({posted.scope})")
    basic = Client(base_url=base, raise_on_unexpected_status=True,
                   httpx_args={"auth": httpx.BasicAuth(secret_client_id, secret)})
    reader_token = expect(token.sync_detailed(client=basic, body=TokenRequest(
        grant_type="client_credentials", scope="registrations:read people:read",
    )), 200, TokenResponse, "POST /api/v1/oauth/token (client_secret_basic)")
    wrong = expect(token.sync_detailed(client=anonymous, body=TokenRequest(
        grant_type="client_credentials", client_id=secret_client_id, client_secret=secret + "x",
    )), 401, OAuthError, "a wrong secret")
    check(wrong.error == "invalid_client", "is invalid_client")
    reader = AuthenticatedClient(base_url=base, token=reader_token.access_token, raise_on_unexpected_status=True)

    print("Import three people in one batch, with an Idempotency-Key")
    batch = PeopleBatch(people=[
        BatchPerson(duf_number=dufs[0], person=PersonPut(first_name="Amina", last_name="Tesfay", gender=Gender.FEMALE,
                                                          date_of_birth=datetime.date(1990, 5, 17), citizenships=["ERI"])),
        BatchPerson(duf_number=dufs[1], person=PersonPut(first_name="Yonas", last_name="Haile", citizenships=["ETH"])),
        BatchPerson(duf_number=dufs[2], person=PersonPut(first_name="Olena", last_name="Kovalenko", citizenships=["UKR"])),
    ])
    key = f"import-{run}"
    first = import_people.sync_detailed(client=system, body=batch, idempotency_key=key)
    imported = expect(first, 200, BatchResult, "POST /api/v1/people/batch")
    check([r.status for r in imported.results] == [201, 201, 201], "each of the three is created (201)")
    check([r.person.duf_number for r in imported.results] == dufs, "in the order sent")
    again = import_people.sync_detailed(client=system, body=batch, idempotency_key=key)
    expect(again, 200, BatchResult, "the same batch with the same Idempotency-Key")
    check(again.content == first.content, "replays the first answer byte for byte (still 201s, nothing written again)")
    other = PeopleBatch(people=batch.people[:1])
    reused = expect(import_people.sync_detailed(client=system, body=other, idempotency_key=key), 422, Problem,
                    "the same Idempotency-Key with another body")
    check(any(e.code == "idempotency_key_reused" for e in reused.errors), "is idempotency_key_reused")
    page = expect(people_page.sync_detailed(client=system, limit=10), 200, IntegrationPeoplePage, "GET /api/v1/people")
    check([p.duf_number for p in page.people] == dufs, "lists the three people once each")
    not_allowed = import_people.sync_detailed(client=reader, body=batch)
    expect(not_allowed, 403, Problem, "a batch with the reader's token (no people:write)")
    check('error="insufficient_scope"' in not_allowed.headers["www-authenticate"], "is insufficient_scope")

    print("Issue a code for one of them, with an Idempotency-Key")
    code_key = f"code-{run}"
    issued_response = issue_code.sync_detailed(dufs[0], client=system, idempotency_key=code_key)
    issued = expect(issued_response, 201, IssuedCode, f"POST /api/v1/people/{dufs[0]}/codes")
    replay = issue_code.sync_detailed(dufs[0], client=system, idempotency_key=code_key)
    expect(replay, 201, IssuedCode, "the same request with the same Idempotency-Key")
    check(replay.parsed.code == issued.code and replay.content == issued_response.content, "answers the same code again")

    print("The applicant completes a registration through the API")
    # A second code would have ended the first: logging in with it shows
    # that the replay issued none.
    login = expect(log_in.sync_detailed(client=anonymous, body=LoginRequest(duf_number=dufs[0], code=issued.code)),
                   201, LoginResponse, "POST /api/v1/applicant/session with the DUF-number and the code")
    check(login.session.first_name == "Amina", "the session is Amina's (so the code was issued once)")
    applicant = AuthenticatedClient(base_url=base, token=login.token, raise_on_unexpected_status=True)
    expect(consent.sync_detailed(client=applicant, body=ConsentRequest(
        version=ConsentRequestVersion(login.session.consent_version), decision=ConsentDecision.ACCEPT,
    )), 200, SessionInfo, "POST /api/v1/applicant/consent (accept)")
    draft = expect(current_registration.sync_detailed(client=applicant), 200, Registration, "GET /api/v1/applicant/registration")
    revision = draft.revision
    for part, answers in COMPLETE_ANSWERS:
        saved = expect(save_section.sync_detailed(SaveSectionSection(part), client=applicant, body=SaveSectionRequest(
            revision=revision, answers=Answers.from_dict(answers),
        )), 200, Registration, f"PUT /api/v1/applicant/registration/sections/{part}")
        revision = saved.revision
    done = expect(complete_registration.sync_detailed(client=applicant), 200, Registration, "POST /api/v1/applicant/registration/complete")
    check(done.status == RegistrationStatus.COMPLETED, "the registration is completed")

    print("Read it back with its codes and labels")
    listed_response = person_registrations.sync_detailed(dufs[0], client=reader, labels="nb,en")
    listed = expect(listed_response, 200, IntegrationRegistrations, f"GET /api/v1/people/{dufs[0]}/registrations?labels=nb,en")
    check([r.id for r in listed.registrations] == [done.id], "lists the completed registration")
    one_response = registration.sync_detailed(uuid.UUID(done.id), client=reader, labels="nb,en")
    one = expect(one_response, 200, IntegrationRegistration, f"GET /api/v1/registrations/{done.id}?labels=nb,en")
    check(one.duf_number == dufs[0] and one.status == RegistrationStatus.COMPLETED, "Amina's, completed")
    answers = {a.question: a for a in one.answers}
    check(answers["mother_tongue"].value == "som", "mother_tongue is the ISO 639-3 code som")
    check(answers["mother_tongue"].labels["som"] == {"nb": "Somali", "en": "Somali"}, "with its labels in nb and en")
    check(answers["country_background"].labels["XXX"] == {"nb": "Statsløs", "en": "Stateless"},
          "country_background XXX is Statsløs / Stateless")
    check(answers["devices"].value == ["none"], "a multiple choice is a list of codes")
    check(answers["went_to_school"].labels["no"] == {"nb": "Nei", "en": "No"}, "an option's code has its labels too")
    plain = expect(registration.sync_detailed(uuid.UUID(done.id), client=reader), 200, IntegrationRegistration,
                   "the same without ?labels=")
    check(all(isinstance(a.labels, Unset) or a.labels is None for a in plain.answers), "has codes only")

    print("Conditional requests: ETag, If-None-Match and If-Match")
    etag = one_response.headers["etag"]
    cached = registration.sync_detailed(uuid.UUID(done.id), client=reader, labels="nb,en", if_none_match=etag)
    expect(cached, 304, None, "the registration with If-None-Match: its ETag")
    check(cached.content == b"", "without a body")
    cached = person_registrations.sync_detailed(dufs[0], client=reader, labels="nb,en",
                                                if_none_match=listed_response.headers["etag"])
    expect(cached, 304, None, "the person's registrations with If-None-Match")
    person_response = read_person.sync_detailed(dufs[1], client=system)
    person = expect(person_response, 200, IntegrationPerson, f"GET /api/v1/people/{dufs[1]}")
    person_etag = person_response.headers["etag"]
    expect(read_person.sync_detailed(dufs[1], client=system, if_none_match=person_etag), 304, None,
           "the person with If-None-Match: its ETag")
    changed = put_person.sync_detailed(dufs[1], client=system, if_match=person_etag, body=PersonPut(
        first_name=person.first_name, last_name=person.last_name, citizenships=person.citizenships,
        registration_number="123456",
    ))
    expect(changed, 200, IntegrationPerson, f"PUT /api/v1/people/{dufs[1]} with If-Match: the current ETag")
    check(changed.headers["etag"] != person_etag, "gives a new ETag")
    expect(put_person.sync_detailed(dufs[1], client=system, if_match=person_etag, body=PersonPut(
        first_name=person.first_name, last_name="Haile-Berhe", citizenships=person.citizenships,
    )), 412, Problem, "PUT with the stale ETag")
    kept = expect(read_person.sync_detailed(dufs[1], client=system), 200, IntegrationPerson, "the person again")
    check(kept.last_name == "Haile" and kept.registration_number == "123456", "the stale write changed nothing")

    print(f"{checks} passed, 0 failed")


if __name__ == "__main__":
    if sys.argv[1:2] == ["keygen"]:
        keygen(sys.argv[2], sys.argv[3])
    elif sys.argv[1:2] == ["run"]:
        main()
    else:
        raise SystemExit(__doc__)
