#!/usr/bin/env bash
# Classification throughput benchmark (issue 3): one classifying thread, texts of 50–500 characters; prints
# classifications/s by wall clock and per CPU-second of that thread (the one-core figure on a busy machine).
# Usage, from the repository root:   bash triage-service/bench.sh [seconds] [DICTIONARY|SMARTCN]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -pl triage-service test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="triage-service/target/test-classes:triage-service/target/classes:$(cat triage-service/target/bench-classpath.txt)"
exec java -Xms256m -Xmx512m -cp "$CP" com.complaintdesk.triage.bench.ClassifierBenchmark "${1:-10}" "${2:-DICTIONARY}"
