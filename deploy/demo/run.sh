#!/usr/bin/env bash
# Runs the whole alliance on one machine: Keycloak, simulated member MISPs and the portal, all on 127.0.0.1.
#   deploy/demo/run.sh [--members N]
# Ports and folders: ALLIANCE_PORTAL_PORT (8080), ALLIANCE_KEYCLOAK_PORT (8180), ALLIANCE_MISP_BASE_PORT (9441),
# ALLIANCE_DATA_DIR (./data), ALLIANCE_CACHE_DIR (./.cache). Ctrl-C stops everything; data is kept for the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v java >/dev/null 2>&1; then
  echo "Java is missing: install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless)." >&2
  exit 1
fi
java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
if [ "${java_major%%.*}" -lt 17 ] 2>/dev/null; then
  echo "Java ${java_major} found; the portal needs Java 17 or newer." >&2
  exit 1
fi
if ! command -v mvn >/dev/null 2>&1; then
  echo "Maven is missing: install Maven 3.8.6 or newer (e.g. apt-get install maven)." >&2
  exit 1
fi

portal_jar=portal-app/target/quarkus-app/quarkus-run.jar
demo_jar=deploy/demo/target/alliance-demo.jar
stale=$(find pom.xml */pom.xml deploy/*/pom.xml */src/main deploy/*/src/main -newer "$demo_jar" -type f 2>/dev/null | head -1 || true)
if [ ! -f "$portal_jar" ] || [ ! -f "$demo_jar" ] || [ -n "$stale" ]; then
  echo "Building the portal (first run or changed sources)..."
  mvn -B -q package -DskipTests -Dspotless.check.skip=true
fi

exec java -Xmx1g -Dalliance.root="$PWD" -jar "$demo_jar" "$@"
