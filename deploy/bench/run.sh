#!/usr/bin/env bash
# Benchmarks (docs/benchmarks.md): fan-out overhead, sequential baseline, hung member, throughput, memory, and the
# merge engine (JMH), in one run, printed as a Markdown table.
#   deploy/bench/run.sh [-Dname=value]... [--smoke] [--scenario N]... [--runs N]
# -Dname=value: a system property of the driver's JVM (scenarios 1-5 and 7), e.g. -Dbench.compressed-answers=false
#   (portals and baselines ask the members for plain JSON) or "-Dbench.portal.jvm=<more JVM options of the portals>".
# --smoke: tiny sizes, about 90 s; checks that scenarios 1-5 and 7 still work (its figures mean nothing).
# --scenario N: only scenario N (1-7; repeatable). Without it: all seven.
# --runs N: N full runs of scenarios 1-5 and 7 (same Keycloak and members), then each figure's median, min and max.
# Starts the real Keycloak, simulated members in the driver's JVM and portal processes one after another; stops them
# all at the end. Build output is reused when sources have not changed.
set -euo pipefail
cd "$(dirname "$0")/../.."

smoke=""
java_args=()
driver_properties=()
portal_scenarios=""
merge_scenario=""
selected=""
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) smoke=1; java_args+=(--smoke) ;;
    -D?*=*) driver_properties+=("$1") ;;
    --scenario)
      [ $# -ge 2 ] || { echo "--scenario needs a number" >&2; exit 2; }
      selected=1
      case "$2" in
        6) merge_scenario=1 ;;
        [1-5]|7) portal_scenarios=1; java_args+=(--scenario "$2") ;;
        *) echo "--scenario takes 1 to 7, not $2" >&2; exit 2 ;;
      esac
      shift ;;
    --runs)
      [ $# -ge 2 ] || { echo "--runs needs a number" >&2; exit 2; }
      java_args+=(--runs "$2"); shift ;;
    *) echo "unknown option $1 (known: -Dname=value, --smoke, --scenario N, --runs N)" >&2; exit 2 ;;
  esac
  shift
done

. deploy/lib/build-if-stale.sh
bench_jar=deploy/bench/target/alliance-bench.jar
build_if_stale "$bench_jar" deploy/bench "the benchmark driver"

echo "== $(date -u +%FT%TZ)  nproc $(nproc), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# Scenarios 1-5 (the portal scenarios): one JVM drives the load and runs the simulated members.
if [ -z "$selected" ] || [ -n "$portal_scenarios" ]; then
  java -Xmx2g -Dalliance.root="$PWD" ${driver_properties[@]+"${driver_properties[@]}"} -jar "$bench_jar" \
    ${java_args[@]+"${java_args[@]}"}
fi

# Scenario 6: the merge engine with JMH (section "Merge engine (JMH)" of docs/benchmarks.md).
# Not part of the smoke run: its input alone (a million hits in a 6 GB heap) takes longer than the whole smoke run.
if [ -z "$smoke" ] && { [ -z "$selected" ] || [ -n "$merge_scenario" ]; }; then
  echo "Scenario 6: merge engine (JMH, arguments merge-benchmark.args of shared-model/pom.xml)"
  # Written to a file first, so that a failed JMH run fails this script instead of vanishing in a pipe.
  mvn -B -q -pl shared-model test-compile exec:exec@merge-benchmark -Dspotless.check.skip=true \
    > deploy/bench/target/merge-benchmark.txt
  grep -E "^(Benchmark|MergeBenchmark)" deploy/bench/target/merge-benchmark.txt \
    | grep -Ev "gc\.(count|time|alloc\.rate )" || true
  echo "(hits/s is the score of MergeBenchmark.mergeAndPolicy; bytes per hit is gc.alloc.rate.norm; full output in deploy/bench/target/merge-benchmark.txt)"
fi
