#!/usr/bin/env bash
# Prints how the category model classifies appeals it never trained on (it asserts nothing): accuracy, macro-F1 and
# the share sent to triage on the reference samples at several confidence thresholds, the samples it gets wrong, then
# a 5-fold cross-validation on the training set (a model trained on four fifths, scored on the fifth it did not see).
#
#   ./mvnw -q -DskipTests install -pl classification -am     # once: trains the model into the jar
#   bench/classification.sh [samples.jsonl] [threshold ...]
set -euo pipefail
cd "$(dirname "$0")/.."
jar=classification/target/appeal-classification.jar
[ -f "$jar" ] && [ -f classification/target/classpath.txt ] || {
  echo "missing $jar: build first (./mvnw -q -DskipTests install -pl classification -am)" >&2; exit 1; }
samples=${1:-appeal-reference/src/main/resources/reference/sample-appeals.jsonl}
shift || true
cp="$jar:$(cat classification/target/classpath.txt)"
java -cp "$cp" gov.appeals.classification.Evaluate samples "$samples" "$@"
echo
java -cp "$cp" gov.appeals.classification.Evaluate cross-validate classification/training 5
