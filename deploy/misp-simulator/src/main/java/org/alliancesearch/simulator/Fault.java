package org.alliancesearch.simulator;

import java.util.Locale;

/**
 * How a simulated MISP misbehaves. Faults combine (latency plus an error rate, for example); {@link #NONE} is a
 * healthy server.
 *
 * <p>
 * Text form, used on the command line and by the admin endpoint: comma-separated terms, e.g.
 * {@code latency=300}, {@code latency=100-2000} (random in the range), {@code error-rate=0.25} (HTTP 500 with MISP's
 * error body), {@code forbidden} (403 for every key), {@code drip=50} (body sent in 64-byte chunks, 50 ms apart),
 * {@code malformed} (JSON cut in the middle of a record, sent completely), {@code truncated} (Content-Length promises
 * more than is sent before the connection closes), {@code oversized=8} (records repeated to at least 8 MB),
 * {@code hostile} (script, HTML, long strings and odd Unicode in the data), {@code down} (port closed: connections
 * refused), {@code hang} (requests are never answered) and {@code none}.
 *
 * @param latencyMinMillis minimum added latency
 * @param latencyMaxMillis maximum added latency (equal to the minimum for a fixed latency)
 * @param errorRate share of requests answered with HTTP 500, 0–1
 * @param forbidden every request gets MISP's 403 authentication error
 * @param dripMillis pause between 64-byte chunks of the body; 0 for none
 * @param malformed the search body is cut mid-record (invalid JSON, complete HTTP message)
 * @param truncated the connection closes after half of the promised body
 * @param oversizedMegabytes search answers repeat records until at least this size; 0 for none
 * @param hostile hostile strings in the data
 * @param down the port is closed
 * @param hang requests are read but never answered; the connection stays open
 */
public record Fault(int latencyMinMillis, int latencyMaxMillis, double errorRate, boolean forbidden, int dripMillis,
        boolean malformed, boolean truncated, int oversizedMegabytes, boolean hostile, boolean down, boolean hang) {

    /** A healthy server. */
    public static final Fault NONE = new Fault(0, 0, 0, false, 0, false, false, 0, false, false, false);

    public Fault {
        if (latencyMinMillis < 0 || latencyMaxMillis < latencyMinMillis) {
            throw new IllegalArgumentException("latency range must be 0 <= min <= max");
        }
        if (errorRate < 0 || errorRate > 1) {
            throw new IllegalArgumentException("error-rate must be between 0 and 1");
        }
        if (dripMillis < 0 || oversizedMegabytes < 0) {
            throw new IllegalArgumentException("drip and oversized must not be negative");
        }
    }

    /** A fixed added latency. */
    public static Fault latency(int millis) {
        return NONE.withLatency(millis, millis);
    }

    /** The server is down (connections refused). */
    public static Fault serverDown() {
        return parse("down");
    }

    /** The server accepts connections and requests but never answers. */
    public static Fault hung() {
        return parse("hang");
    }

    public Fault withLatency(int minMillis, int maxMillis) {
        return new Fault(minMillis, maxMillis, errorRate, forbidden, dripMillis, malformed, truncated,
                oversizedMegabytes, hostile, down, hang);
    }

    /** Parses the text form described on the class. */
    public static Fault parse(String spec) {
        int latMin = 0;
        int latMax = 0;
        double errorRate = 0;
        boolean forbidden = false;
        int drip = 0;
        boolean malformed = false;
        boolean truncated = false;
        int oversized = 0;
        boolean hostile = false;
        boolean down = false;
        boolean hang = false;
        if (spec != null) {
            for (String raw : spec.split(",")) {
                String term = raw.trim().toLowerCase(Locale.ROOT);
                if (term.isEmpty() || term.equals("none")) {
                    continue;
                }
                int eq = term.indexOf('=');
                String key = eq < 0 ? term : term.substring(0, eq);
                String arg = eq < 0 ? null : term.substring(eq + 1);
                try {
                    switch (key) {
                        case "latency" -> {
                            String a = require(arg, key);
                            int dash = a.indexOf('-');
                            latMin = Integer.parseInt(dash < 0 ? a : a.substring(0, dash));
                            latMax = dash < 0 ? latMin : Integer.parseInt(a.substring(dash + 1));
                        }
                        case "error-rate", "errors" -> errorRate = Double.parseDouble(require(arg, key));
                        case "forbidden", "403" -> forbidden = true;
                        case "drip", "slow-drip" -> drip = arg == null ? 50 : Integer.parseInt(arg);
                        case "malformed" -> malformed = true;
                        case "truncated" -> truncated = true;
                        case "oversized" -> oversized = arg == null ? 8 : Integer.parseInt(arg);
                        case "hostile" -> hostile = true;
                        case "down" -> down = true;
                        case "hang" -> hang = true;
                        default -> throw new IllegalArgumentException("unknown fault '" + key + "'");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number in fault term '" + term + "'", e);
                }
            }
        }
        return new Fault(latMin, latMax, errorRate, forbidden, drip, malformed, truncated, oversized, hostile, down,
                hang);
    }

    private static String require(String arg, String key) {
        if (arg == null || arg.isBlank()) {
            throw new IllegalArgumentException("fault '" + key + "' needs a value");
        }
        return arg;
    }

    /** The text form of this fault ({@code none} when healthy). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (latencyMaxMillis > 0) {
            sb.append(",latency=").append(latencyMinMillis);
            if (latencyMaxMillis != latencyMinMillis) {
                sb.append('-').append(latencyMaxMillis);
            }
        }
        if (errorRate > 0) {
            sb.append(",error-rate=").append(errorRate);
        }
        if (forbidden) {
            sb.append(",forbidden");
        }
        if (dripMillis > 0) {
            sb.append(",drip=").append(dripMillis);
        }
        if (malformed) {
            sb.append(",malformed");
        }
        if (truncated) {
            sb.append(",truncated");
        }
        if (oversizedMegabytes > 0) {
            sb.append(",oversized=").append(oversizedMegabytes);
        }
        if (hostile) {
            sb.append(",hostile");
        }
        if (down) {
            sb.append(",down");
        }
        if (hang) {
            sb.append(",hang");
        }
        return sb.length() == 0 ? "none" : sb.substring(1);
    }
}
