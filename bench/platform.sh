# Sourced by bench/run.sh and bench/callbacks.sh, from the repository's root: the platform they measure, alone on this
# machine, on a fresh data directory, so that what earlier runs left behind weighs on no number.

# Stops the script unless the platform and the load driver are built and nothing answers on the platform's ports.
check_ready() {
  for jar in deploy/target/appeals-local.jar bench/target/bench.jar; do
    [ -f "$jar" ] || { echo "missing $jar: build first (./mvnw -q -DskipTests package)" >&2; exit 1; }
  done
  if curl -s -o /dev/null "http://127.0.0.1:8081/actuator/health"; then
    echo "something already answers on 8081: stop the running platform first" >&2; exit 1
  fi
}

# start_platform NAME: launches the platform on a new /tmp/appeals-NAME-XXXXXX and returns once it says it is up, having
# set data (that directory), log (the launcher's output), launcher (its pid) and up (seconds from launch to all healthy,
# as the launcher counts them); the platform stops when the script exits, however it exits.
start_platform() {
  data=$(mktemp -d "/tmp/appeals-$1-XXXXXX")
  log="$data/launcher.log"
  APPEALS_DATA_DIR="$data" java -jar deploy/target/appeals-local.jar > "$log" 2>&1 &
  launcher=$!
  trap 'kill $launcher 2>/dev/null; wait $launcher 2>/dev/null || true' EXIT
  until grep -q "up in" "$log"; do
    kill -0 $launcher 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.5
  done
  up=$(grep -o "up in [0-9.]* s" "$log" | grep -o "[0-9.]*")
}

# The start-up line both scripts print first.
print_start() {
  printf 'start\tlaunch to all healthy\t%s s\n' "$up"
}
