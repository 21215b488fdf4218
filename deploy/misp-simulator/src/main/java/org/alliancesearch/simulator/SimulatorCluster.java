package org.alliancesearch.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.alliancesearch.simulator.data.DataGenerator;
import org.alliancesearch.simulator.data.MispLoader;
import org.alliancesearch.simulator.data.ValuePlanter;
import org.alliancesearch.simulator.data.WellKnownValue;
import org.alliancesearch.simulator.store.MispStore;
import org.alliancesearch.simulator.store.Organisation;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;

/**
 * Several simulated MISP servers in one process, for the demo, tests, benchmarks and fault drills.
 *
 * <pre>{@code
 * try (SimulatorCluster cluster = SimulatorCluster.start(SimulatorOptions.builder().instances(3).seed(42).build())) {
 *     SimulatedMisp orgA = cluster.instance("org-a");
 *     // POST orgA.url() + "/attributes/restSearch" with header Authorization: orgA.apiKey()
 *     cluster.instance("org-c").setFault(Fault.serverDown());
 * }
 * }</pre>
 *
 * Data, API keys and the admin token follow from the seed, so a demo can register the members in advance.
 */
public final class SimulatorCluster implements AutoCloseable {
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final Vertx vertx;
    private final List<SimulatedMisp> instances;
    private final List<WellKnownValue> wellKnown;
    private final String adminToken;
    private volatile HttpServer admin;

    private SimulatorCluster(Vertx vertx, List<SimulatedMisp> instances, List<WellKnownValue> wellKnown,
            String adminToken) {
        this.vertx = vertx;
        this.instances = List.copyOf(instances);
        this.wellKnown = List.copyOf(wellKnown);
        this.adminToken = adminToken;
    }

    /**
     * Generates and loads the data, starts every instance (and the admin endpoint if asked) and returns once all
     * listen. Blocks; call it from a test or main thread, not from an event loop.
     *
     * @throws UncheckedIOException when a file to load cannot be read
     * @throws IllegalStateException when a port cannot be bound
     */
    public static SimulatorCluster start(SimulatorOptions options) {
        List<MispStore> stores = new ArrayList<>();
        for (int i = 0; i < options.instances(); i++) {
            String name = SimulatorOptions.organisationName(i);
            stores.add(new MispStore(new Organisation(name, organisationUuid(name))));
        }
        List<WellKnownValue> wellKnown = List.of();
        if (options.eventsPerInstance() > 0) {
            wellKnown = DataGenerator.generate(new DataGenerator.Settings(options.seed(),
                    options.eventsPerInstance(), options.attributesPerEvent(), options.sharedShare(),
                    options.syncShare(), options.referenceEpochSecond()), stores);
        }
        try {
            for (MispStore store : stores) {
                for (Path p : options.loadForAll()) {
                    MispLoader.load(store, p);
                }
                for (Path p : options.loadPerInstance().getOrDefault(store.owner().name(), List.of())) {
                    MispLoader.load(store, p);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load MISP data: " + e.getMessage(), e);
        }
        for (String org : options.loadPerInstance().keySet()) {
            requireKnown(stores, org);
        }
        for (PlantedValue p : options.planted()) {
            if (p.organisation() != null) {
                requireKnown(stores, p.organisation());
            }
        }
        for (MispStore store : stores) {
            for (PlantedValue p : options.planted()) {
                if (p.organisation() == null || p.organisation().equals(store.owner().name())) {
                    ValuePlanter.plant(store, p, options.referenceEpochSecond());
                }
            }
        }
        for (String org : options.faults().keySet()) {
            requireKnown(stores, org);
        }

        Vertx vertx = Vertx.vertx();
        List<SimulatedMisp> instances = new ArrayList<>();
        String adminToken = options.adminToken() != null
                ? options.adminToken()
                : "sim-admin-" + randomKey(options.seed() ^ 0xAD1L, 24);
        SimulatorCluster cluster = null;
        try {
            for (int i = 0; i < stores.size(); i++) {
                MispStore store = stores.get(i);
                List<String> keys = List.of(randomKey(options.seed() * 1_000_003L + i, 40),
                        randomKey(options.seed() * 1_000_003L + i + 500_000L, 40));
                SimulatedMisp misp = new SimulatedMisp(vertx, options.bindHost(), store, keys,
                        UUID.nameUUIDFromBytes(("server:" + store.owner().name()).getBytes(StandardCharsets.UTF_8))
                                .toString(),
                        options.seed() + i, name -> stores.stream().filter(st -> st.owner().name().equals(name))
                                .findFirst().orElse(null));
                await(misp.listen(options.basePort() == 0 ? 0 : options.basePort() + i));
                instances.add(misp);
            }
            cluster = new SimulatorCluster(vertx, instances, wellKnown, adminToken);
            for (SimulatedMisp misp : instances) {
                Fault f = options.faults().get(misp.name());
                if (f != null) {
                    misp.setFault(f);
                }
            }
            if (options.adminPort() >= 0) {
                cluster.admin = await(new AdminEndpoint(vertx, cluster, adminToken).listen(options.bindHost(),
                        options.adminPort()));
            }
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                vertx.close();
            }
            throw e;
        }
    }

    private static void requireKnown(List<MispStore> stores, String org) {
        if (stores.stream().noneMatch(s -> s.owner().name().equals(org))) {
            throw new IllegalArgumentException("no simulated organisation named '" + org + "'");
        }
    }

    /** Stable organisation uuid for a simulated organisation name. */
    public static UUID organisationUuid(String name) {
        return UUID.nameUUIDFromBytes(("alliance-search-simulator:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static String randomKey(long seed, int length) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(KEY_ALPHABET.charAt(r.nextInt(KEY_ALPHABET.length())));
        }
        return sb.toString();
    }

    private static <T> T await(Future<T> f) {
        try {
            return f.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw new IllegalStateException("simulator start failed: " + e.getMessage(), e);
        }
    }

    /** The instances in order ({@code org-a} first). */
    public List<SimulatedMisp> instances() {
        return instances;
    }

    /** The instance of an organisation name. */
    public SimulatedMisp instance(String organisation) {
        return instances.stream().filter(i -> i.name().equals(organisation)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no simulated organisation named '" + organisation
                        + "'"));
    }

    /** Demo values planted by the generator (empty when nothing was generated). */
    public List<WellKnownValue> wellKnownValues() {
        return wellKnown;
    }

    /** URL of the admin endpoint, when started. */
    public Optional<String> adminUrl() {
        HttpServer a = admin;
        return a == null ? Optional.empty() : Optional.of("http://" + hostOf() + ":" + a.actualPort());
    }

    private String hostOf() {
        String url = instances.get(0).url();
        return url.substring("http://".length(), url.lastIndexOf(':'));
    }

    /** Token the admin endpoint requires in {@code X-Sim-Admin-Token}. */
    public String adminToken() {
        return adminToken;
    }

    /** Stops every server and the Vert.x instance. */
    @Override
    public void close() {
        List<Future<Void>> stops = new ArrayList<>();
        for (SimulatedMisp misp : instances) {
            stops.add(misp.stop());
        }
        if (admin != null) {
            stops.add(admin.close());
        }
        try {
            Future.join(stops).transform(ar -> vertx.close()).toCompletionStage().toCompletableFuture().get(30,
                    TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing anyway; nothing left to release
        }
    }
}
