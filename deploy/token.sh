#!/usr/bin/env bash
# Prints an access token (a signed JWT) for a demo user of the local issuer, and nothing else, on stdout:
#   TOKEN=$(deploy/token.sh clerk-JD-SWJ)
#   curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8082/api/v1/...
# Users: clerk-<unit>, head-<unit> (every department and street), triager, supervisor, operator.
# Issuer: ISSUER_URI, else http://127.0.0.1:${ISSUER_PORT:-9000}. Password: DEMO_PASSWORD, else demo (local only).
# Needs a build (deploy/target/appeals-local.jar) and a running issuer (the launcher starts one).
set -euo pipefail

if [[ $# -ne 1 || -z "$1" ]]; then
  echo "usage: $0 <user>    e.g. clerk-JD-SWJ, head-ST-XH, triager, supervisor, operator" >&2
  echo "  issuer: ISSUER_URI, else http://127.0.0.1:\${ISSUER_PORT:-9000}; password: DEMO_PASSWORD, else demo" >&2
  exit 1
fi

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$here/target/appeals-local.jar"
if [[ ! -f "$jar" ]]; then
  echo "$jar is missing: build first (./mvnw -B -q install -DskipTests -pl identity-server,deploy -am)" >&2
  exit 1
fi
java_cmd="java"
if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
  java_cmd="$JAVA_HOME/bin/java"
fi
# A short-lived client: small heap, C1 only, no class-data sharing warnings.
exec "$java_cmd" -Xshare:auto -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx32m \
  -cp "$jar" gov.appeals.deploy.IssuerLogin "$@"
