#!/usr/bin/env bash
# Walks one bundled sample appeal through a running platform to CLOSED, printing each step:
# post (受理) -> assigned (分派) -> the lead's queue -> sign (签收) -> answer (反馈) -> rate SATISFIED (回访) -> CLOSED.
# As the callers would: 12345 signs its requests with the local demo key (deploy/hotline-curl.sh, needs openssl); the
# lead department's clerk logs in at the local issuer (deploy/token.sh, needs java); a supervisor follows the appeal.
# Usage: deploy/walk-sample.sh [sample line number, default 1]
# Service URLs follow the launcher's variables: INTAKE_PORT, DISPATCH_PORT, FEEDBACK_PORT (8081-8083), ISSUER_PORT.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
samples="$here/../appeal-reference/src/main/resources/reference/sample-appeals.jsonl"
line="${1:-1}"
intake="http://127.0.0.1:${INTAKE_PORT:-8081}"
dispatch="http://127.0.0.1:${DISPATCH_PORT:-8082}"
feedback="http://127.0.0.1:${FEEDBACK_PORT:-8083}"

export INTAKE_URL="$intake"
hotline() { "$here/hotline-curl.sh" "$@"; }
token() { "$here/token.sh" "$1"; }
supervisor_token="$(token supervisor)"

step() { printf '\n== %s\n' "$*"; }
# The value of the first "name":"value" pair in a JSON document (the appeal view lists its own status first).
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed "s/^\"$1\":\"//; s/\"$//"; }
# post URL TOKEN [JSON]: as the logged-in user whose token is given.
post() {
  if [ -n "${3-}" ]; then
    curl -sS -X POST "$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -d "$3" -w '\nHTTP %{http_code}\n'
  else
    curl -sS -X POST "$1" -H "Authorization: Bearer $2" -w '\nHTTP %{http_code}\n'
  fi
}
view() { curl -sS -H "Authorization: Bearer $supervisor_token" "$intake/api/v1/appeals/$id"; }
await_status() {
  local want="$1" view status
  for _ in $(seq 1 120); do
    view="$(view)"
    status="$(printf '%s' "$view" | field status)"
    if [ "$status" = "$want" ]; then
      printf 'status %s\n' "$status"
      return 0
    fi
    sleep 0.5
  done
  printf 'gave up waiting for %s; last view:\n%s\n' "$want" "$view" >&2
  exit 1
}

# Without the "expected" block (what the classification should be), under a fresh work-order number so that the
# walk can be repeated: the same number again would return the same appeal.
body="$(sed -n "${line}p" "$samples" | sed 's/, "expected": {[^}]*}}$/}/' \
  | sed "s/\"externalId\": \"[^\"]*\"/\"externalId\": \"WALK-$(date +%s)\"/")"

step "POST $intake/api/v1/appeals, signed by 12345 (deploy/hotline-curl.sh)"
accepted="$(hotline POST /api/v1/appeals "$body")"
printf '%s\n' "$accepted"
id="$(printf '%s' "$accepted" | field id)"

step "waiting for the routing (ASSIGNED)"
await_status ASSIGNED
lead="$(view | field leadDepartment)"
printf 'lead department %s\n' "$lead"

step "clerk-$lead logs in (deploy/token.sh clerk-$lead)"
clerk_token="$(token "clerk-$lead")"
printf 'token %s…\n' "${clerk_token:0:24}"

step "GET $dispatch/api/v1/departments/$lead/queue as clerk-$lead"
curl -sS -H "Authorization: Bearer $clerk_token" "$dispatch/api/v1/departments/$lead/queue"; echo

step "clerk-$lead signs for it (签收)"
post "$dispatch/api/v1/departments/$lead/queue/$id/sign" "$clerk_token"

step "waiting for feedback-service to see the signing"
for _ in $(seq 1 120); do
  [ "$(curl -sS -H "Authorization: Bearer $clerk_token" "$feedback/api/v1/appeals/$id/case" | field status)" = "SIGNED" ] \
    && break
  sleep 0.5
done

step "clerk-$lead answers it (反馈)"
post "$feedback/api/v1/appeals/$id/answer" "$clerk_token" '{"result":"RESOLVED","text":"已协调相关部门办理，企业已确认。"}'
await_status RESPONDED

step "the enterprise rates it SATISFIED through 12345 (回访)"
hotline POST "/api/v1/appeals/$id/rating" '{"rating":"SATISFIED"}'; echo
await_status CLOSED

step "GET $intake/api/v1/appeals/$id as 12345 sees it (no staff names)"
hotline GET "/api/v1/appeals/$id"; echo
