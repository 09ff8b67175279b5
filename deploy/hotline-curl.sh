#!/usr/bin/env bash
# Sends one request to appeal-intake as the 12345 hotline, signed as docs/security.md describes (bash, curl, openssl).
#   deploy/hotline-curl.sh METHOD PATH [JSON-BODY]       e.g.  deploy/hotline-curl.sh GET /api/v1/appeals/<id>
# Environment: INTAKE_URL (default http://127.0.0.1:8081), HOTLINE_KEY_ID and HOTLINE_SECRET (default: the local
# run's demo key, hotline-demo / demo-secret-change-me — local only). Extra curl options go in CURL_OPTS.
set -euo pipefail
if [[ $# -lt 2 ]]; then
  echo "usage: $0 METHOD PATH [JSON-BODY]" >&2
  exit 2
fi
command -v openssl >/dev/null || { echo "$0: needs openssl to sign" >&2; exit 2; }
method=$(printf '%s' "$1" | tr '[:lower:]' '[:upper:]')
path=$2
body=${3-}
url=${INTAKE_URL:-http://127.0.0.1:8081}
key=${HOTLINE_KEY_ID:-hotline-demo}
secret=${HOTLINE_SECRET:-demo-secret-change-me}
timestamp=$(date +%s)
nonce=$(openssl rand -hex 16)
body_hash=$(printf '%s' "$body" | openssl dgst -sha256 -hex | sed 's/^.*= *//')
signature=$(printf '%s\n%s\n%s\n%s\n%s' "$method" "$path" "$timestamp" "$nonce" "$body_hash" \
  | openssl dgst -sha256 -hmac "$secret" -binary | openssl base64 -A)
args=(-sS -X "$method" "$url$path" -H "X-Appeals-Key: $key" -H "X-Appeals-Timestamp: $timestamp"
      -H "X-Appeals-Nonce: $nonce" -H "X-Appeals-Signature: $signature")
if [[ -n "$body" ]]; then
  args+=(-H 'Content-Type: application/json' --data-binary "$body")
fi
# shellcheck disable=SC2086
exec curl ${CURL_OPTS:-} "${args[@]}"
