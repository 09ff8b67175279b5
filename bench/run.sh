#!/usr/bin/env bash
# Measures the product alone on this machine and prints numbers (it asserts nothing): start-up, idle memory, then
# the phases of the side-by-side comparison (lifecycle, intake, queue page at the backlog intake left, POST → routed
# latency at a fixed rate), routing accuracy over the samples (and POST → in the lead's queue, one at a time), the 12345
# callback channel (stage change → callback at the local receiver, callbacks per second; bench/callbacks.sh alone),
# each with its rate, p50/p99 per step and CPU per operation over every process of the
# platform. Writes bench/results/<timestamp>.tsv.
#
#   ./mvnw -q -DskipTests package        # once, and after each change
#   bench/run.sh                         # sizes below; e.g. LIFE_N=200 INTAKE_N=2000 bench/run.sh for a quick look
#
# Uses the platform's default ports (8081-8084, 8089, 9000, 9092-9093, 27017): run it with nothing else of the product up.
set -euo pipefail
cd "$(dirname "$0")/.."

LIFE_N=${LIFE_N:-2000}; LIFE_C=${LIFE_C:-16}
INTAKE_N=${INTAKE_N:-8000}; INTAKE_C=${INTAKE_C:-32}
QUEUE_N=${QUEUE_N:-200}; QUEUE_DEPT=${QUEUE_DEPT:-JD-JW}
LATENCY_RATE=${LATENCY_RATE:-100}; LATENCY_S=${LATENCY_S:-10}
ROUTING_ROUNDS=${ROUTING_ROUNDS:-2}
CALLBACK_N=${CALLBACK_N:-300}; CALLBACK_C=${CALLBACK_C:-16}

. bench/platform.sh
check_ready
results="bench/results"; mkdir -p "$results"
out="$results/$(date -u +%Y%m%dT%H%M%SZ).tsv"
start_platform bench

pids() { echo $launcher $(pgrep -P $launcher); }
ticks() { local t=0; for p in $(pids); do set -- $(cut -d')' -f2 "/proc/$p/stat" 2>/dev/null); t=$((t + ${12:-0} + ${13:-0})); done; echo $t; }
rss_mb() { local k=0; for p in $(pids); do k=$((k + $(awk '/VmRSS/{print $2}' "/proc/$p/status" 2>/dev/null || echo 0))); done; echo $((k / 1024)); }
hz=$(getconf CLK_TCK)

{
  printf 'machine\t%s cores\t%s\n' "$(nproc)" "$(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo)"
  printf 'jdk\t%s\n' "$(java -version 2>&1 | head -1)"
  print_start
  sleep 10
  printf 'idle\tRSS of all processes\t%s MB\n' "$(rss_mb)"
  for p in $(pids); do printf 'rss\t%s\t%s MB\n' "$(tr '\0' ' ' < /proc/$p/cmdline | grep -o '[a-z-]*\.jar\|gov\.appeals\.deploy\.[A-Za-z]*' | head -1)" \
    "$(( $(awk '/VmRSS/{print $2}' /proc/$p/status) / 1024 ))"; done
} | tee "$out"

# Waits (at most SETTLE_S, default 120 s) until the platform is back to its idle CPU (measured after start-up, plus
# 5 % of a core), so that the work a phase leaves behind (events still flowing) is charged to it, not to the next.
settle() {
  local until=$(( $(date +%s) + ${SETTLE_S:-120} )) a b
  while [ "$(date +%s)" -lt "$until" ]; do
    a=$(ticks); sleep 2; b=$(ticks)
    [ $(( b - a )) -le $(( idle_ticks + hz / 10 )) ] && return 0
  done
  echo "settle: still busy after ${SETTLE_S:-120} s" >&2
}

# The idle platform's own CPU over 2 s (sweeps, consumer polls, health checks): what settle() waits to return to.
a=$(ticks); sleep 2; idle_ticks=$(( $(ticks) - a ))
printf 'idle\tCPU of all processes\t%s ms per s\n' "$(( idle_ticks * 1000 / hz / 2 ))" | tee -a "$out"

# Store commands (every MongoDB command a service's driver sent, but pings and index creation) and Kafka records
# sent by the services' outbox relays, per service, from their /actuator/prometheus.
counters() {
  for port in 8081 8082 8083 8084; do
    curl -s "http://127.0.0.1:$port/actuator/prometheus" | awk -v port=$port '
      /^mongodb_driver_commands_seconds_count/ && !/command="(ping|createIndexes)"/ { store += $NF }
      /^kafka_producer_record_send_total/ { sent += $NF }
      END { printf "%s %d %d\n", port, store, sent }'
  done
}

phase() {
  local name=$1 ops_hint=$2; shift 2
  settle
  local before=$(ticks) t0=$(date +%s.%N)
  counters > "$data/$name.before"
  java -cp bench/target/bench.jar:deploy/target/appeals-local.jar gov.appeals.bench.LoadDriver "$@" | tee -a "$out" > "$data/$name.out"
  settle
  local after=$(ticks)
  counters > "$data/$name.after"
  local ops=$(awk -F'\t' -v p="$name" '$1=="RATE" && $2==p {print $3}' "$data/$name.out"); ops=${ops:-$ops_hint}
  cat "$data/$name.out"
  awk -v b="$before" -v a="$after" -v hz="$hz" -v n="$ops" -v p="$name" \
    'BEGIN { printf "CPU\t%s\t%.2f ms per operation (%d operations, all processes)\n", p, (a-b)*1000/hz/(n>0?n:1), n }' \
    | tee -a "$out"
  join "$data/$name.before" "$data/$name.after" | awk -v n="$ops" -v p="$name" '
    BEGIN { split("8081 intake 8082 dispatch 8083 feedback 8084 notification", names) ; for (i = 1; i < 8; i += 2) svc[names[i]] = names[i+1] }
    { st = ($4 - $2) / (n > 0 ? n : 1); se = ($5 - $3) / (n > 0 ? n : 1); store += st; sent += se
      detail = detail sprintf(" %s %.1f/%.1f", svc[$1], st, se) }
    END { printf "STORE\t%s\t%.1f store commands and %.1f Kafka sends per operation (store/sends:%s)\n", p, store, sent, detail }' \
    | tee -a "$out"
}

phase lifecycle "$LIFE_N" lifecycle "$LIFE_N" "$LIFE_C"
phase intake "$INTAKE_N" intake "$INTAKE_N" "$INTAKE_C"
phase queue "$QUEUE_N" queue "$QUEUE_N" "$QUEUE_DEPT"
phase latency "$((LATENCY_RATE * LATENCY_S))" latency "$LATENCY_RATE" "$LATENCY_S"
phase routing "$((ROUTING_ROUNDS * 40))" routing "$ROUTING_ROUNDS" 1
# The driver reads the receiver's callbacks.jsonl in the data directory (its operations: the callbacks received).
APPEALS_DATA_DIR="$data" phase callbacks "$((CALLBACK_N * 2))" callbacks "$CALLBACK_N" "$CALLBACK_C"
printf 'after\tRSS of all processes\t%s MB\n' "$(rss_mb)" | tee -a "$out"
echo "results: $out"
