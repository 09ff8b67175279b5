#!/usr/bin/env bash
# Walks one bundled sample appeal through a running platform to CLOSED, printing each step:
# post (受理) -> assigned (分派) -> the lead's queue -> sign (签收) -> answer (反馈) -> rate SATISFIED (回访) -> CLOSED.
# Needs only bash and curl. Usage: deploy/walk-sample.sh [sample line number, default 1]
# Service URLs follow the launcher's variables: INTAKE_PORT, DISPATCH_PORT, FEEDBACK_PORT (8081-8083).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
samples="$here/../appeal-reference/src/main/resources/reference/sample-appeals.jsonl"
line="${1:-1}"
intake="http://127.0.0.1:${INTAKE_PORT:-8081}"
dispatch="http://127.0.0.1:${DISPATCH_PORT:-8082}"
feedback="http://127.0.0.1:${FEEDBACK_PORT:-8083}"

step() { printf '\n== %s\n' "$*"; }
# The value of the first "name":"value" pair in a JSON document (the appeal view lists its own status first).
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | sed "s/^\"$1\":\"//; s/\"$//"; }
post() { curl -sS -X POST "$1" -H 'Content-Type: application/json' -d "$2" -w '\nHTTP %{http_code}\n'; }
await_status() {
  local want="$1" view status
  for _ in $(seq 1 120); do
    view="$(curl -sS "$intake/api/v1/appeals/$id")"
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

step "POST $intake/api/v1/appeals"
accepted="$(post "$intake/api/v1/appeals" "$body")"
printf '%s\n' "$accepted"
id="$(printf '%s' "$accepted" | field id)"

step "waiting for the routing (ASSIGNED)"
await_status ASSIGNED
lead="$(curl -sS "$intake/api/v1/appeals/$id" | field leadDepartment)"
printf 'lead department %s\n' "$lead"

step "GET $dispatch/api/v1/departments/$lead/queue"
curl -sS "$dispatch/api/v1/departments/$lead/queue"; echo

step "sign for it (签收)"
post "$dispatch/api/v1/departments/$lead/queue/$id/sign" '{"staff":"王科员"}'

step "waiting for feedback-service to see the signing"
for _ in $(seq 1 120); do
  [ "$(curl -sS "$feedback/api/v1/appeals/$id/case" | field status)" = "SIGNED" ] && break
  sleep 0.5
done

step "answer it (反馈)"
post "$feedback/api/v1/appeals/$id/answer" '{"result":"RESOLVED","text":"已协调相关部门办理，企业已确认。","staff":"王科员"}'
await_status RESPONDED

step "the enterprise rates it SATISFIED (回访)"
post "$intake/api/v1/appeals/$id/rating" '{"rating":"SATISFIED"}'
await_status CLOSED

step "GET $intake/api/v1/appeals/$id"
curl -sS "$intake/api/v1/appeals/$id"; echo
