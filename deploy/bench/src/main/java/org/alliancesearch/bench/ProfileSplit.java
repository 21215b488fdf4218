package org.alliancesearch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Splits the on-CPU Java samples of a JDK Flight Recorder recording into named parts of the work, as the cost tables of
 * docs/benchmarks.md do: each sample ({@code jdk.ExecutionSample}) is filed under the first part, in the order given,
 * of which a marker is on its stack (a marker matches a frame whose {@code class.method} contains it), else under
 * "other". Native samples are left out: they are taken on another clock and include time spent waiting.
 *
 * <pre>
 * java -cp deploy/bench/target/alliance-bench.jar org.alliancesearch.bench.ProfileSplit portal.jfr [--last 60] \
 *     "token=OidcIdentityProvider" "reading=MispClient|JsonStreamSink" ...
 * </pre>
 *
 * {@code --last N}: only the samples of the recording's last N seconds (the measured part of a benchmark run, which
 * comes after its warm-up).
 */
public final class ProfileSplit {
    private ProfileSplit() {
    }

    /** One named part and the markers that file a sample under it. */
    record Part(String name, List<String> markers) {
        static Part parse(String spec) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new IllegalArgumentException("a part is name=marker|marker..., not " + spec);
            }
            return new Part(spec.substring(0, eq), List.of(spec.substring(eq + 1).split("\\|")));
        }

        boolean holds(List<String> stack) {
            for (String frame : stack) {
                for (String marker : markers) {
                    if (frame.contains(marker)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /** A sample: when it was taken and its frames, innermost first, as {@code class.method}. */
    record Sample(Instant at, List<String> stack) {
    }

    /** How many samples each part got, in the order of the parts, "other" last. */
    record Split(int samples, Map<String, Integer> byPart) {
        String table() {
            StringBuilder out = new StringBuilder("| share | part |\n|---|---|\n");
            byPart.forEach((name, n) -> out.append(String.format(Locale.ROOT, "| %.1f %% | %s |%n",
                    samples == 0 ? 0.0 : 100.0 * n / samples, name)));
            return out.append(samples).append(" samples\n").toString();
        }
    }

    static Split split(List<Sample> samples, List<Part> parts, Duration last) {
        Instant end = samples.stream().map(Sample::at).max(Instant::compareTo).orElse(Instant.EPOCH);
        Instant from = last == null ? Instant.MIN : end.minus(last);
        Map<String, Integer> byPart = new LinkedHashMap<>();
        parts.forEach(p -> byPart.put(p.name(), 0));
        byPart.put("other", 0);
        int counted = 0;
        for (Sample s : samples) {
            if (s.at().isBefore(from)) {
                continue;
            }
            counted++;
            String name = "other";
            for (Part p : parts) {
                if (p.holds(s.stack())) {
                    name = p.name();
                    break;
                }
            }
            byPart.merge(name, 1, Integer::sum);
        }
        return new Split(counted, byPart);
    }

    static List<Sample> read(Path recording) throws IOException {
        List<Sample> samples = new ArrayList<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent e = file.readEvent();
                if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                    continue;
                }
                List<String> stack = new ArrayList<>();
                for (RecordedFrame f : e.getStackTrace().getFrames()) {
                    stack.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
                }
                samples.add(new Sample(e.getStartTime(), stack));
            }
        }
        return samples;
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: ProfileSplit <recording.jfr> [--last SECONDS] name=marker|marker...");
            System.exit(2);
        }
        Duration last = null;
        List<Part> parts = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--last") && i + 1 < args.length) {
                last = Duration.ofSeconds(Long.parseLong(args[++i]));
            } else {
                parts.add(Part.parse(args[i]));
            }
        }
        System.out.print(split(read(Path.of(args[0])), parts, last).table());
    }
}
