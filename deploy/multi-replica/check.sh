#!/usr/bin/env bash
# Proves that portal replicas share no state but PostgreSQL: two portals behind nginx (round-robin), one user signed
# in once, searching, saving and listing saved searches through both; a policy change and a disabled member made
# through one replica in force for the next search through the other. Needs nginx (apt-get install nginx-light).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -f portal-app/target/quarkus-app/quarkus-run.jar ] || [ ! -f deploy/demo/target/alliance-demo.jar ]; then
  mvn -B -q package -DskipTests -Dspotless.check.skip=true
fi
exec java -Xmx768m -Dalliance.root="$PWD" -cp deploy/demo/target/alliance-demo.jar \
  org.alliancesearch.demo.MultiReplicaCheck
