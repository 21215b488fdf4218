package org.alliancesearch.simulator;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How to start a {@link SimulatorCluster}. Build with {@link #builder()}; every setting has a default.
 *
 * @param instances number of simulated MISP servers ({@code org-a}, {@code org-b}, …)
 * @param basePort port of the first instance, the others follow; 0 picks free ports (for tests)
 * @param bindHost address to listen on ({@code 127.0.0.1} by default)
 * @param seed seed for generated data, API keys and the admin token
 * @param eventsPerInstance generated events per instance; 0 for none (only loaded data)
 * @param attributesPerEvent attributes per generated event
 * @param sharedShare share of generated values common to all organisations
 * @param syncShare share of each organisation's events synchronised to the next one
 * @param referenceEpochSecond "now" of the generated data (today 00:00 UTC by default)
 * @param loadForAll MISP event files or feed directories loaded into every instance
 * @param loadPerInstance files or feed directories per organisation name
 * @param faults fault per organisation name, applied at start
 * @param adminPort port of the admin endpoint; 0 picks a free port, -1 disables it
 * @param adminToken token the admin endpoint requires; {@code null} derives one from the seed
 * @param planted values planted a known number of times (benchmarks), after the generated and loaded data
 */
public record SimulatorOptions(int instances, int basePort, String bindHost, long seed, int eventsPerInstance,
        int attributesPerEvent, double sharedShare, double syncShare, long referenceEpochSecond, List<Path> loadForAll,
        Map<String, List<Path>> loadPerInstance, Map<String, Fault> faults, int adminPort, String adminToken,
        List<PlantedValue> planted) {

    public SimulatorOptions {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be at least 1");
        }
        if (eventsPerInstance < 0 || attributesPerEvent < 0) {
            throw new IllegalArgumentException("events and attributes must not be negative");
        }
        loadForAll = List.copyOf(loadForAll);
        loadPerInstance = Map.copyOf(loadPerInstance);
        faults = Map.copyOf(faults);
        planted = List.copyOf(planted);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Organisation name of the instance at {@code index}: {@code org-a}, {@code org-b}, … */
    public static String organisationName(int index) {
        return index < 26 ? "org-" + (char) ('a' + index) : "org-" + (index + 1);
    }

    /** Fluent construction of {@link SimulatorOptions}. */
    public static final class Builder {
        private int instances = 3;
        private int basePort = 0;
        private String bindHost = "127.0.0.1";
        private long seed = 42;
        private int eventsPerInstance = 100;
        private int attributesPerEvent = 20;
        private double sharedShare = 0.1;
        private double syncShare = 0.05;
        private long referenceEpochSecond = Instant.now().getEpochSecond() / 86400 * 86400;
        private final List<Path> loadForAll = new ArrayList<>();
        private final Map<String, List<Path>> loadPerInstance = new LinkedHashMap<>();
        private final Map<String, Fault> faults = new LinkedHashMap<>();
        private int adminPort = -1;
        private String adminToken;
        private final List<PlantedValue> planted = new ArrayList<>();

        public Builder instances(int n) {
            this.instances = n;
            return this;
        }

        public Builder basePort(int port) {
            this.basePort = port;
            return this;
        }

        public Builder bindHost(String host) {
            this.bindHost = host;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder events(int eventsPerInstance) {
            this.eventsPerInstance = eventsPerInstance;
            return this;
        }

        public Builder attributesPerEvent(int n) {
            this.attributesPerEvent = n;
            return this;
        }

        public Builder sharedShare(double share) {
            this.sharedShare = share;
            return this;
        }

        public Builder syncShare(double share) {
            this.syncShare = share;
            return this;
        }

        public Builder referenceEpochSecond(long epochSecond) {
            this.referenceEpochSecond = epochSecond;
            return this;
        }

        /** Loads a MISP event file or feed directory into every instance. */
        public Builder load(Path fileOrFeed) {
            loadForAll.add(fileOrFeed);
            return this;
        }

        /** Loads a MISP event file or feed directory into one instance. */
        public Builder load(String organisation, Path fileOrFeed) {
            loadPerInstance.computeIfAbsent(organisation, k -> new ArrayList<>()).add(fileOrFeed);
            return this;
        }

        public Builder fault(String organisation, Fault fault) {
            faults.put(organisation, fault);
            return this;
        }

        public Builder adminPort(int port) {
            this.adminPort = port;
            return this;
        }

        public Builder adminToken(String token) {
            this.adminToken = token;
            return this;
        }

        /** Plants {@code value} {@code hitsPerInstance} times in every instance. */
        public Builder plant(String value, String type, int hitsPerInstance) {
            planted.add(new PlantedValue(null, value, type, hitsPerInstance));
            return this;
        }

        /** Plants {@code value} {@code hits} times in one instance. */
        public Builder plant(String organisation, String value, String type, int hits) {
            planted.add(new PlantedValue(organisation, value, type, hits));
            return this;
        }

        public SimulatorOptions build() {
            return new SimulatorOptions(instances, basePort, bindHost, seed, eventsPerInstance, attributesPerEvent,
                    sharedShare, syncShare, referenceEpochSecond, loadForAll,
                    Map.copyOf(loadPerInstance.entrySet().stream().collect(java.util.stream.Collectors
                            .toMap(Map.Entry::getKey, e -> List.copyOf(e.getValue())))),
                    faults, adminPort, adminToken, planted);
        }
    }
}
