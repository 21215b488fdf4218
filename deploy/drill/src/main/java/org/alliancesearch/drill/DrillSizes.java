package org.alliancesearch.drill;

/**
 * How much each scenario does: the full run (at most 25 minutes on 2 cores) or the smoke run (at most 5 minutes,
 * Keycloak and portal start included; every scenario, operation and caller still covered).
 *
 * @param smoke the smoke sizes
 * @param hostileSearches searches with every hostile member at once
 * @param oversizedMb size of the oversized member's body
 * @param allFuzzKinds every generated bad input per operation and caller (else a subset)
 * @param crashCycles {@code kill -9} and restart cycles
 * @param databaseStopSeconds how long PostgreSQL stays stopped
 * @param loadClients clients of the load scenarios
 * @param loadSeconds duration of scenario 4
 * @param flapSeconds the flapping member goes down and up every this many seconds
 * @param replicaLoadSeconds duration of scenario 5 (the replica is killed half-way)
 */
record DrillSizes(boolean smoke, int hostileSearches, int oversizedMb, boolean allFuzzKinds, int crashCycles,
        int databaseStopSeconds, int loadClients, int loadSeconds, int flapSeconds, int replicaLoadSeconds) {

    static DrillSizes fullRun() {
        return new DrillSizes(false, 10, 200, true, 20, 20, 50, 60, 10, 30);
    }

    static DrillSizes smokeRun() {
        return new DrillSizes(true, 2, 200, false, 3, 20, 8, 8, 4, 8);
    }
}
