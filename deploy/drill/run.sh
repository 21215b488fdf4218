#!/usr/bin/env bash
# Reliability drill (docs/reliability.md): hostile members, API fuzz and the authorisation matrix, kill -9 without
# loss, PostgreSQL and Keycloak stopped, load while a member flaps, a replica lost behind nginx; each figure next to
# its target.
#   deploy/drill/run.sh [--smoke]
# --smoke: every scenario, operation and caller at small sizes, at most 5 minutes; the figures go to
#          deploy/drill/target/reliability-smoke.md. Without it (at most 25 minutes) they go to docs/reliability.md.
# Everything listens on 127.0.0.1 and is stopped at the end, also on failure. Exits 1 when a target that gates the
# run was missed (a 500, a lost acknowledged write, a forbidden answer, a portal crash, honest indicators changed),
# 2 when the drill could not run. Needs nginx (apt-get install nginx-light). Build output is reused when sources have
# not changed.
set -euo pipefail
cd "$(dirname "$0")/../.."

args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --smoke) args+=(--smoke) ;;
    *) echo "unknown option $1 (known: --smoke)" >&2; exit 2 ;;
  esac
  shift
done

. deploy/lib/build-if-stale.sh
drill_jar=deploy/drill/target/alliance-drill.jar
build_if_stale "$drill_jar" deploy/drill "the drill"

echo "== $(date -u +%FT%TZ)  nproc $(nproc), $(free -g | awk '/Mem:/ {print $2}') GiB, $(java -version 2>&1 | head -1)"
echo "== load average: $(cut -d' ' -f1-3 /proc/loadavg)"
# The simulated members run in the drill's JVM; the oversized member builds its 200 MB answer there.
exec java -Xmx2g -Dalliance.root="$PWD" -jar "$drill_jar" ${args[@]+"${args[@]}"}
