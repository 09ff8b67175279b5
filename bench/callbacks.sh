#!/usr/bin/env bash
# The 12345 callback channel alone: starts the platform on a fresh data directory (as bench/run.sh does), posts
# CALLBACK_N hotline appeals, CALLBACK_C at a time, and prints (it asserts nothing) the latency from each stage change
# to its callback at the local receiver (the callback's occurredAt → the receiver's receivedAt), per stage and overall,
# and the callbacks received per second from the first receipt to the last (RATE callbacks <count> <s> <per s>). It
# waits at most CALLBACK_TIMEOUT_S (300) for each appeal's 已受理 and 已分派 (or 待甄别) callbacks and counts what is missing.
#
#   ./mvnw -q -DskipTests package        # once, and after each change
#   bench/callbacks.sh                   # CALLBACK_N=500 CALLBACK_C=16 by default
#
# Uses the platform's default ports (8081-8084, 8089, 9000, 9092-9093, 27017): run it with nothing else of the product up.
set -euo pipefail
cd "$(dirname "$0")/.."

CALLBACK_N=${CALLBACK_N:-500}; CALLBACK_C=${CALLBACK_C:-16}

. bench/platform.sh
check_ready
start_platform callbacks
print_start
sleep 10 # as bench/run.sh before its first phase: start-up's own work (JIT, first polls) out of the way

# APPEALS_DATA_DIR: the driver reads <data>/callback-receiver/callbacks.jsonl, where the receiver records each callback.
APPEALS_DATA_DIR="$data" java -cp bench/target/bench.jar:deploy/target/appeals-local.jar gov.appeals.bench.LoadDriver \
  callbacks "$CALLBACK_N" "$CALLBACK_C"
echo "data: $data (callbacks in $data/callback-receiver/callbacks.jsonl)"
