# Sourced by the run scripts under deploy/ (bench, drill): builds the packaged portal and a driver jar when either is
# missing or any source or POM is newer than the driver jar. Run from the repository root.
#   build_if_stale <driver jar> <driver module> <what, for the message>

build_if_stale() {
  local driver_jar="$1" driver_module="$2" what="$3"
  local portal_jar=portal-app/target/quarkus-app/quarkus-run.jar
  local stale
  stale=$(find pom.xml */pom.xml deploy/*/pom.xml */src/main deploy/*/src/main -newer "$driver_jar" -type f \
    2>/dev/null | head -1 || true)
  if [ ! -f "$portal_jar" ] || [ ! -f "$driver_jar" ] || [ -n "$stale" ]; then
    echo "Building the portal and $what..."
    mvn -B -q package -DskipTests -Dspotless.check.skip=true -pl "portal-app,$driver_module" -am
  fi
}
