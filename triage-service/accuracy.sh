#!/usr/bin/env bash
# Accuracy command (issue 3): classifies labelled JSONL files with the shipped rules and prints category / severity
# accuracy and flag precision / recall / F1 with every miss; exits 1 when the first file (default
# ../shared/data/triage-dev.jsonl) is below category 0.90, severity 0.90 or flag F1 0.85.
# Usage, from the repository root:   bash triage-service/accuracy.sh [file.jsonl ...]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$(pwd)"
FILES=()
for f in "$@"; do FILES+=("$(realpath "$f")"); done
if [ ${#FILES[@]} -eq 0 ]; then FILES=("$(realpath "$ROOT/../shared/data/triage-dev.jsonl")"); fi
./mvnw -q -pl triage-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="triage-service/target/test-classes:triage-service/target/classes:$(cat triage-service/target/bench-classpath.txt)"
exec java -Xmx512m ${EXPLAIN:+-Dexplain=true} -cp "$CP" com.complaintdesk.triage.bench.AccuracyCommand "${FILES[@]}"
