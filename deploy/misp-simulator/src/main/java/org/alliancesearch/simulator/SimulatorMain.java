package org.alliancesearch.simulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.alliancesearch.simulator.data.WellKnownValue;

/**
 * Command line: {@code java -jar misp-simulator.jar --instances 3 --base-port 9441 --seed 42}. Prints each
 * instance's URL, organisation and API key, the admin endpoint and the demo values, then serves until SIGTERM or
 * Ctrl-C. {@code --help} lists the options.
 */
public final class SimulatorMain {
    static final String USAGE = """
            Usage: java -jar misp-simulator.jar [options]
              --instances N              simulated MISP servers (org-a, org-b, ...)      [3]
              --base-port P              port of the first instance, the others follow   [9441]
              --bind HOST                address to listen on                            [127.0.0.1]
              --seed S                   seed for data, API keys and admin token          [42]
              --events N                 generated events per instance (0: none)         [100]
              --attributes-per-event M   attributes per generated event                  [20]
              --shared-share F           share of values common to all organisations     [0.1]
              --sync-share F             share of events synchronised to the next org    [0.05]
              --reference-time EPOCH     "now" of the generated data                     [today 00:00 UTC]
              --load [ORG=]PATH          MISP event file or feed directory (repeatable)
              --fault ORG=SPEC           fault at start, e.g. org-c=down, org-b=latency=200-900,error-rate=0.2
              --admin-port P             admin endpoint port (-1: off)                   [base port - 1]
              --admin-token T            admin token                                     [derived from seed]
            Fault terms: latency=MS or MIN-MAX, error-rate=F, forbidden, drip=MS, malformed, truncated,
              oversized=MB, hostile, down, hang, none.""";

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(USAGE);
            return;
        }
        SimulatorCluster cluster = SimulatorCluster.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            cluster.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        print(cluster, System.out);
        stopped.await();
    }

    static void print(SimulatorCluster cluster, PrintStream out) {
        out.println("MISP simulator ready (MISP 2.5.1 API)");
        for (SimulatedMisp misp : cluster.instances()) {
            out.printf("  %-6s %s  org-uuid=%s  api-key=%s  events=%d attributes=%d fault=%s%n", misp.name(),
                    misp.url(), misp.organisation().uuid(), misp.apiKey(), misp.store().eventCount(),
                    misp.store().attributeCount(), misp.fault());
        }
        cluster.adminUrl().ifPresent(url -> out.printf("  admin  %s/_sim/instances  X-Sim-Admin-Token: %s%n", url,
                cluster.adminToken()));
        if (!cluster.wellKnownValues().isEmpty()) {
            out.println("Demo values:");
            for (WellKnownValue v : cluster.wellKnownValues()) {
                out.printf("  %-14s %-9s %s  at %s (%s)%n", v.label(), v.type(), v.value(),
                        String.join(", ", v.organisations()), v.note());
            }
        }
        out.flush();
    }

    /** Parses the command line; returns {@code null} for {@code --help}. */
    static SimulatorOptions parse(String[] args) {
        SimulatorOptions.Builder b = SimulatorOptions.builder().basePort(9441);
        Integer adminPort = null;
        int basePort = 9441;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                value = args[++i];
            }
            try {
                switch (name) {
                    case "--instances" -> b.instances(Integer.parseInt(value));
                    case "--base-port" -> {
                        basePort = Integer.parseInt(value);
                        b.basePort(basePort);
                    }
                    case "--bind" -> b.bindHost(value);
                    case "--seed" -> b.seed(Long.parseLong(value));
                    case "--events" -> b.events(Integer.parseInt(value));
                    case "--attributes-per-event" -> b.attributesPerEvent(Integer.parseInt(value));
                    case "--shared-share" -> b.sharedShare(Double.parseDouble(value));
                    case "--sync-share" -> b.syncShare(Double.parseDouble(value));
                    case "--reference-time" -> b.referenceEpochSecond(Long.parseLong(value));
                    case "--load" -> {
                        int sep = value.indexOf('=');
                        if (sep > 0 && value.startsWith("org-")) {
                            b.load(value.substring(0, sep), Path.of(value.substring(sep + 1)));
                        } else {
                            b.load(Path.of(value));
                        }
                    }
                    case "--fault" -> {
                        int sep = value.indexOf('=');
                        if (sep <= 0) {
                            throw new IllegalArgumentException("--fault needs ORG=SPEC");
                        }
                        b.fault(value.substring(0, sep), Fault.parse(value.substring(sep + 1)));
                    }
                    case "--admin-port" -> adminPort = Integer.parseInt(value);
                    case "--admin-token" -> b.adminToken(value);
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad number for " + name + ": " + value, e);
            }
        }
        b.adminPort(adminPort != null ? adminPort : basePort > 0 ? basePort - 1 : 0);
        return b.build();
    }
}
