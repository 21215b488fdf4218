package org.alliancesearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * Runs the benchmark scenarios in one run and prints the table of figures (Markdown). Started by
 * {@code deploy/bench/run.sh [-Dname=value]... [--smoke] [--scenario N]...}; the merge engine (scenario 6) is run by
 * the script with JMH.
 */
public final class BenchMain {
    /**
     * System property of the driver: {@code false} asks the members for plain JSON, both in the portals (the
     * connector's {@code alliance.connector.compressed-answers=false}) and in the baselines they are compared with.
     */
    static final String COMPRESSED_ANSWERS = "bench.compressed-answers";
    /** System property of the driver: more JVM options for every portal (see {@link Stack#startPortal}). */
    static final String PORTAL_JVM = "bench.portal.jvm";

    private BenchMain() {
    }

    /**
     * @param runs full runs of the selected scenarios, one after another with the same Keycloak and members; the
     *     summary gives each figure's median, minimum and maximum over them
     * @param encoding how the portals and the baselines ask the members ({@value BenchMain#COMPRESSED_ANSWERS})
     */
    record Arguments(boolean smoke, Set<Integer> scenarios, int runs, MispDirect.Encoding encoding, String command) {
        static Arguments parse(String[] args) {
            return parse(args, System::getProperty);
        }

        /** @param properties the driver's system properties ({@code System::getProperty}) */
        static Arguments parse(String[] args, UnaryOperator<String> properties) {
            MispDirect.Encoding encoding = encoding(properties);
            boolean smoke = false;
            int runs = 1;
            Set<Integer> scenarios = new TreeSet<>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.equals("--smoke")) {
                    smoke = true;
                } else if (a.equals("--scenario") && i + 1 < args.length) {
                    scenarios.add(scenario(args[++i]));
                } else if (a.equals("--runs") && i + 1 < args.length) {
                    runs = runs(args[++i]);
                } else if (a.startsWith("--scenario=")) {
                    scenarios.add(scenario(a.substring("--scenario=".length())));
                } else {
                    throw new IllegalArgumentException("unknown option " + a
                            + " (known: --smoke, --scenario N with N from 1 to 5 or 7, --runs N)");
                }
            }
            if (scenarios.isEmpty()) {
                scenarios.addAll(Set.of(1, 2, 3, 4, 5, 7));
            }
            StringBuilder command = new StringBuilder("deploy/bench/run.sh");
            if (encoding != MispDirect.Encoding.GZIP) {
                command.append(" -D").append(COMPRESSED_ANSWERS).append('=').append(encoding.compressedAnswers);
            }
            for (String a : args) {
                command.append(' ').append(a);
            }
            return new Arguments(smoke, scenarios, runs, encoding, command.toString());
        }

        /**
         * {@value BenchMain#COMPRESSED_ANSWERS}: {@code true} (the default) or {@code false}; the portals' own
         * setting is not to be given through {@value BenchMain#PORTAL_JVM}, whose portals would then not be asking
         * as their baselines do.
         */
        private static MispDirect.Encoding encoding(UnaryOperator<String> properties) {
            String portalJvm = properties.apply(PORTAL_JVM);
            if (portalJvm != null && portalJvm.contains("alliance.connector.compressed-answers")) {
                throw new IllegalArgumentException("-D" + PORTAL_JVM + " sets alliance.connector.compressed-answers:"
                        + " give -D" + COMPRESSED_ANSWERS + "=false instead, which sets it in the portals and asks"
                        + " the baselines the same way");
            }
            String value = properties.apply(COMPRESSED_ANSWERS);
            if (value == null || value.trim().equals("true")) {
                return MispDirect.Encoding.GZIP;
            }
            if (value.trim().equals("false")) {
                return MispDirect.Encoding.PLAIN;
            }
            throw new IllegalArgumentException("-D" + COMPRESSED_ANSWERS + " takes true (the default: members asked"
                    + " for gzip) or false (asked for plain JSON), not '" + value + "'");
        }

        /** The run's setting as its header states it, e.g. "members asked for gzip by the portal and the baselines". */
        String membersAsked() {
            return "members asked for " + encoding.label + " by the portal and the baselines (-D" + COMPRESSED_ANSWERS
                    + "="
                    + encoding.compressedAnswers + ")";
        }

        private static int runs(String s) {
            try {
                int n = Integer.parseInt(s.trim());
                if (n >= 1 && n <= 9) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--runs takes a number from 1 to 9, not " + s);
        }

        private static int scenario(String s) {
            int n;
            try {
                n = Integer.parseInt(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--scenario takes a number from 1 to 5 or 7, not " + s);
            }
            if (n < 1 || n > 7 || n == 6) {
                throw new IllegalArgumentException("--scenario takes a number from 1 to 5 or 7, not " + n
                        + " (6, the merge engine, is run by run.sh with JMH)");
            }
            return n;
        }
    }

    public static void main(String[] args) throws Exception {
        Arguments arguments;
        try {
            arguments = Arguments.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path root = Path.of(System.getProperty("alliance.root", ".")).toAbsolutePath().normalize();
        BenchSizes sizes = arguments.smoke() ? BenchSizes.smokeRun() : BenchSizes.fullRun();
        Figures figures = new Figures();
        StringBuilder markdown = new StringBuilder();
        System.out.println("Settings: " + arguments.membersAsked());
        try (Stack stack = Stack.start(root, sizes, arguments.encoding())) {
            for (int run = 1; run <= arguments.runs(); run++) {
                if (arguments.runs() > 1) {
                    System.out.printf(Locale.ROOT, "== run %d of %d%n", run, arguments.runs());
                    markdown.append("### Run ").append(run).append(" of ").append(arguments.runs()).append("\n\n");
                }
                markdown.append(oneRun(stack, sizes, arguments, figures)).append('\n');
            }
        }
        if (arguments.runs() > 1) {
            markdown.append("### Median of ").append(arguments.runs()).append(" runs\n\n")
                    .append(figures.markdown());
        }
        if (sizes.smoke()) {
            markdown.append("\n(smoke run: tiny sizes, the figures only show that every scenario works)\n");
        }
        System.out.println();
        System.out.println(markdown);
        Path out = root.resolve("deploy/bench/target/bench-results.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, markdown);
        System.out.println("(also written to " + root.relativize(out) + ")");
    }

    /**
     * The machine's speed before or after a run ({@link SpeedProbe}), over the first member's answer to scenario 1's
     * search; also a line of the summary.
     */
    private static long speedProbe(byte[] answer, Figures figures, String when) {
        long nanos = SpeedProbe.measure(answer, SpeedProbe.WARMUPS, SpeedProbe.RUNS).nanosPerAttribute();
        figures.add("speed probe " + when + " the run (lower is quicker)", nanos,
                Figures.Judgement.reported("ns per attribute"));
        return nanos;
    }

    /** One run of the selected scenarios, its table headed by the machine and its load during the run. */
    private static String oneRun(Stack stack, BenchSizes sizes, Arguments arguments, Figures figures)
            throws Exception {
        ResultTable table = new ResultTable();
        byte[] probeAnswer = Scenarios.baselines(sizes.pageSize(), stack.encoding()).asThePortal()
                .answerJson(stack.members().get(0), Stack.BULK_VALUE);
        long probeBefore = speedProbe(probeAnswer, figures, "before");
        double loadBefore = Machine.loadAverage();
        long started = System.nanoTime();
        // The cores may be shared: the highest 1-minute load average seen during the run goes with the figures.
        AtomicLong peakLoadHundredths = new AtomicLong(Math.round(loadBefore * 100));
        ScheduledExecutorService loadWatch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-watch");
            t.setDaemon(true);
            return t;
        });
        loadWatch.scheduleAtFixedRate(
                () -> peakLoadHundredths.accumulateAndGet(Math.round(Machine.loadAverage() * 100), Math::max), 5, 5,
                TimeUnit.SECONDS);
        try {
            new Scenarios(stack, sizes, arguments.scenarios(), table, figures).run();
        } finally {
            loadWatch.shutdownNow();
        }
        long took = (System.nanoTime() - started) / 1_000_000_000L;
        long probeAfter = speedProbe(probeAnswer, figures, "after");
        String machine = Machine.describe() + String.format(Locale.ROOT,
                "; load average %.2f at start, %.2f at end, %.2f at most during the run; run took %d s; speed probe"
                        + " %d ns per attribute before the run, %d after (%s)",
                loadBefore, Machine.loadAverage(), peakLoadHundredths.get() / 100.0,
                took, probeBefore, probeAfter, SpeedProbe.WHAT);
        return table.markdown(LocalDate.now(ZoneOffset.UTC).toString(), machine, arguments.command(),
                arguments.membersAsked());
    }
}
