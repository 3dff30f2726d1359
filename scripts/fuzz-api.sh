#!/usr/bin/env bash
# Checks that the OpenAPI document tells the truth: openapi-spec-validator
# accepts the committed document, and schemathesis runs every operation
# with every check against the release server, unauthenticated and with an
# applicant's, a counsellor's and an administrator's token, and the
# integration operations with an API client's access token. Operations that
# end the session run alone, after that role's others. Exceptions, each
# with its reason, are in openapi/schemathesis.toml. `scripts/setup.sh
# --test` installs the tools.
#
# Environment: KARTLEGG_FUZZ_SERVER (the binary, default the release build),
# KARTLEGG_FUZZ_EXAMPLES (examples per operation and phase, default 25),
# KARTLEGG_FUZZ_SEED (default 1: the same cases on every run; change it to
# explore), KARTLEGG_FUZZ_KEEP (a folder to keep the logs and reports in).
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

PY="$TARGET_DIR/py/bin"
BIN="${KARTLEGG_FUZZ_SERVER:-$TARGET_DIR/release/kartlegg}"
# 25, not 50: the test command must end within CI's time on a slow
# machine. With 50 the step took 207 s (35,184 cases; 824 s on a slower
# day); with 25, 133 s (26,891 cases: the coverage phase's cases, which do
# not depend on it, stay).
EXAMPLES="${KARTLEGG_FUZZ_EXAMPLES:-25}"
SEED="${KARTLEGG_FUZZ_SEED:-1}"
CONFIG="$ROOT/openapi/schemathesis.toml"
started=$(date +%s)

step "The committed OpenAPI document is valid (openapi-spec-validator)"
"$PY/openapi-spec-validator" "$ROOT/openapi/openapi.json"

work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT

# The server and the operator commands share one database and key. The
# per-address login limit is off: every run logs in from 127.0.0.1.
export DATABASE_URL="sqlite://$work/fuzz.db"
export KARTLEGG_SIGNING_KEY_FILE="$work/signing.key"
export KARTLEGG_STATIC_DIR="$work/no-frontend"
export KARTLEGG_LOGIN_BURST=0
export KARTLEGG_LOG="warn"

step "Starting the server ($BIN) on a free port"
KARTLEGG_ADDR=127.0.0.1:0 "$BIN" serve >"$work/server.log" 2>&1 &
server_pid=$!
url=""
for _ in $(seq 1 100); do
  url="$(sed -n 's|^Kartlegg is running at \(http://[^/]*\)/.*|\1|p' "$work/server.log")"
  [ -n "$url" ] && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; exit 1; }
  sleep 0.1
done
[ -n "$url" ] || { echo "the server did not start"; cat "$work/server.log"; exit 1; }
echo "$url"

step "Seeding an organisation, people, an applicant with a code, two caseworkers and an API client"
"$BIN" org add --number fuzz-0001 --name "Fuzz kommune" --kind municipality >/dev/null
"$BIN" person add --duf 202499000001 --first-name Amina --last-name Tesfay --org fuzz-0001 >/dev/null
"$BIN" person add --duf 202499000002 --first-name Yonas --last-name Haile --org fuzz-0001 >/dev/null
"$BIN" person add --duf 202499000003 --first-name Olena --last-name Kovalenko --org fuzz-0001 >/dev/null
"$BIN" person add --duf 202499000004 --first-name Ahmad --last-name Rahimi --org fuzz-0001 >/dev/null
code="$("$BIN" code issue --duf 202499000001 | tail -n 1)"
second_code="$("$BIN" code issue --duf 202499000004 | tail -n 1)"
password="fuzz-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
# The counsellor is an auditor too, so that the audit log is fuzzed with a
# token that may read it.
"$BIN" user add --org fuzz-0001 --username fuzz.counsellor --role counsellor --role auditor <<<"$password" >/dev/null
"$BIN" user add --org fuzz-0001 --username fuzz.administrator --role administrator <<<"$password" >/dev/null
# A client with the scopes of the operations it fuzzes, with a secret, in
# an organisation of its own with people of its own: the administrator's
# run lists the first organisation's clients and disables or changes them.
# The feed is left out: its `wait` holds each case up to 30 s (the API
# tests cover it).
"$BIN" org add --number fuzz-0002 --name "Fuzz mottak" --kind reception_centre >/dev/null
"$BIN" person add --duf 202499000011 --first-name Sara --last-name Mekonnen --org fuzz-0002 >/dev/null
"$BIN" person add --duf 202499000012 --first-name Mohammed --last-name Ali --org fuzz-0002 >/dev/null
api_client="$("$BIN" client add --org fuzz-0002 --name "Fuzz system" --scope people:read \
  --scope people:write --scope codes:issue --scope registrations:read --scope webhooks:manage \
  --scope statistics:read)"
api_client_id="$(sed -n 's/^client_id: //p' <<<"$api_client")"
api_client_secret="$(tail -n 1 <<<"$api_client")"

# POSTs JSON and prints the answer; fails on an error status.
post() {
  local path="$1" body="$2" auth="${3:-}"
  local args=(-sS --fail-with-body -X POST "$url$path" -H 'content-type: application/json' -d "$body")
  [ -n "$auth" ] && args+=(-H "authorization: Bearer $auth")
  curl "${args[@]}"
}
# One field of a JSON document (a dotted path).
field() {
  "$PY/python" -c '
import json, sys
value = json.loads(sys.argv[1])
for key in sys.argv[2].split("."):
    value = value[key]
print(value)' "$1" "$2"
}

login="$(post /api/v1/applicant/session "{\"duf_number\":\"202499000001\",\"code\":\"$code\"}")"
applicant="$(field "$login" token)"
post /api/v1/applicant/consent "{\"version\":\"$(field "$login" session.consent_version)\",\"decision\":\"accept\"}" "$applicant" >/dev/null
# A second applicant's session, for the logout run: the first one's ends
# with a decline, and the fuzzer's wrong codes for the DUF-numbers it has
# seen may have locked that person's logins by then.
second_applicant="$(field "$(post /api/v1/applicant/session "{\"duf_number\":\"202499000004\",\"code\":\"$second_code\"}")" token)"
counsellor="$(field "$(post /api/v1/caseworker/login "{\"username\":\"fuzz.counsellor\",\"password\":\"$password\"}")" token)"
administrator="$(field "$(post /api/v1/caseworker/login "{\"username\":\"fuzz.administrator\",\"password\":\"$password\"}")" token)"
# The client's access token (client_secret_basic; an hour is enough).
client_token="$(field "$(curl -sS --fail-with-body -X POST "$url/api/v1/oauth/token" \
  -u "$api_client_id:$api_client_secret" -d grant_type=client_credentials)" access_token)"

# A registration completed through the API in the client's organisation,
# so that the registration reads have one to return (the stateful phase
# finds the DUF-number through the people list) and its answers' schema is
# checked.
reg_code="$("$BIN" code issue --duf 202499000011 | tail -n 1)"
reg_login="$(post /api/v1/applicant/session "{\"duf_number\":\"202499000011\",\"code\":\"$reg_code\"}")"
reg_applicant="$(field "$reg_login" token)"
post /api/v1/applicant/consent "{\"version\":\"$(field "$reg_login" session.consent_version)\",\"decision\":\"accept\"}" "$reg_applicant" >/dev/null
"$PY/python" - "$url" "$reg_applicant" "$ROOT/integration-client/complete-answers.json" <<'PY'
import json, sys, urllib.request
url, token, answers = sys.argv[1], sys.argv[2], json.load(open(sys.argv[3]))
def call(method, path, body=None):
    request = urllib.request.Request(url + path, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"authorization": f"Bearer {token}", "content-type": "application/json"})
    with urllib.request.urlopen(request) as response:
        return json.load(response)
revision = call("GET", "/api/v1/applicant/registration")["revision"]
for part in answers:
    revision = call("PUT", f"/api/v1/applicant/registration/sections/{part['part']}",
                    {"revision": revision, "answers": part["answers"]})["revision"]
assert call("POST", "/api/v1/applicant/registration/complete")["status"] == "completed"
PY

# The operations that end the caller's session (a decline of consent too).
# The header is spelled `Authorization` as the document's security scheme
# names it, so that schemathesis knows it for the credentials it is.
without_enders=(--exclude-operation-id applicant_log_out --exclude-operation-id consent --exclude-operation-id caseworker_log_out)
# Erasure destroys the people the other operations read; it runs after
# everything else its role does (and before its logout), with the people
# list, from which the stateful phase takes real ids to erase, so that the
# fuzzer reaches the erasure itself without taking data from another run.
without_erasure=(--exclude-operation-id erase_person)
erasure=(--include-operation-id erase_person --include-operation-id list_people)

# One worker: with two threads, Python 3.11's ast.parse (which hypothesis
# calls to describe filters) can fail with "AST constructor recursion depth
# mismatch" and end an operation's run as an error.
failed=0
fuzz() {
  local name="$1"
  shift
  step "schemathesis: $name"
  local t0=$(date +%s)
  if ! "$PY/schemathesis" --config-file "$CONFIG" run "$url/api/openapi.json" \
    --checks all --max-examples "$EXAMPLES" --workers 1 --seed "$SEED" --no-color \
    --report junit,ndjson --report-junit-path "$work/$name.xml" \
    --report-ndjson-path "$work/$name.ndjson" "$@" 2>&1 | tee "$work/$name.log" | tail -n 40; then
    failed=1
  fi
  echo "($name: $(( $(date +%s) - t0 )) s)"
}

# Each role's session-ending operations run alone, right after its other
# operations (a counsellor's new code for the applicant would end the
# applicant's session too).
#
# The unauthenticated run needs no session, so it runs in a second process
# beside the applicant's (each fuzzer keeps one core busy); its log is
# printed when it ends.
( fuzz unauthenticated; exit "$failed" ) >"$work/unauthenticated.out" 2>&1 &
unauthenticated=$!
fuzz applicant -H "Authorization: Bearer $applicant" "${without_enders[@]}" "${without_erasure[@]}"
fuzz applicant-consent -H "Authorization: Bearer $applicant" --include-operation-id consent
fuzz applicant-logout -H "Authorization: Bearer $second_applicant" --include-operation-id applicant_log_out
wait "$unauthenticated" || failed=1
cat "$work/unauthenticated.out"
fuzz counsellor -H "Authorization: Bearer $counsellor" "${without_enders[@]}" "${without_erasure[@]}"
fuzz administrator -H "Authorization: Bearer $administrator" "${without_enders[@]}" "${without_erasure[@]}"
fuzz counsellor-erasure -H "Authorization: Bearer $counsellor" "${erasure[@]}"
fuzz administrator-erasure -H "Authorization: Bearer $administrator" "${erasure[@]}"
fuzz counsellor-logout -H "Authorization: Bearer $counsellor" --include-operation-id caseworker_log_out
fuzz administrator-logout -H "Authorization: Bearer $administrator" --include-operation-id caseworker_log_out
# Last: a code the client issues ends the person's sessions, and the
# applicants' runs above need theirs.
fuzz integration -H "Authorization: Bearer $client_token" \
  --include-tag people --include-tag codes --include-tag registrations --include-tag webhooks \
  --include-tag statistics

step "Figures"
EXAMPLES="$EXAMPLES" "$PY/python" - "$work"/*.ndjson <<'PY'
# Cases per operation and run, from schemathesis's event streams.
import collections, json, os, sys
per_run = collections.defaultdict(collections.Counter)
for path in sys.argv[1:]:
    run = os.path.basename(path)[: -len(".ndjson")]
    for line in open(path):
        event = json.loads(line).get("ScenarioFinished")
        # Per operation; the stateful phase's scenarios span several.
        if event and event["recorder"].get("cases") is not None \
                and event["recorder"]["label"].split(" ")[0] in ("GET", "POST", "PUT", "PATCH", "DELETE"):
            per_run[run][event["recorder"]["label"]] += len(event["recorder"]["cases"])
operations = set().union(*per_run.values())
total = sum(sum(c.values()) for c in per_run.values())
print(f"{len(operations)} operations, {total} cases in {len(per_run)} runs")
for run, counts in sorted(per_run.items()):
    few = sorted(f"{label} ({n})" for label, n in counts.items() if n < int(os.environ["EXAMPLES"]))
    print(f"  {run}: {len(counts)} operations, {sum(counts.values())} cases, "
          f"fewest {min(counts.values())}, median {sorted(counts.values())[len(counts) // 2]}"
          + (f"; under {os.environ['EXAMPLES']}: {', '.join(few)}" if few else ""))
PY

if [ -n "${KARTLEGG_FUZZ_KEEP:-}" ]; then
  mkdir -p "$KARTLEGG_FUZZ_KEEP" && cp "$work"/*.log "$work"/*.xml "$work"/*.ndjson "$KARTLEGG_FUZZ_KEEP"/ 2>/dev/null || true
fi
echo "API fuzzing took $(( $(date +%s) - started )) s."
exit "$failed"
