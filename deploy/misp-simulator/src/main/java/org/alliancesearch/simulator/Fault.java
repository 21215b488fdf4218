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
 * <p>
 * Hostile members for the reliability drill ({@link Tricks}): {@code rtl}, {@code bad-utf8}, {@code deep-json=N},
 * {@code duplicate-keys}, {@code huge-records=KB}, {@code gzip-bomb=MB}, {@code redirect=URL},
 * {@code wrong-content-type}, {@code reuse-uuids=ORG}, {@code forged-orgc=ORG} and {@code unsearched-values}.
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
 * @param tricks the drill's hostile answers to searches
 */
public record Fault(int latencyMinMillis, int latencyMaxMillis, double errorRate, boolean forbidden, int dripMillis,
        boolean malformed, boolean truncated, int oversizedMegabytes, boolean hostile, boolean down, boolean hang,
        Tricks tricks) {

    /** A healthy server. */
    public static final Fault NONE = new Fault(0, 0, 0, false, 0, false, false, 0, false, false, false, Tricks.NONE);

    /**
     * Hostile answers to searches, each one way a member can try to hurt the portal or the other members' data.
     *
     * @param rtl right-to-left overrides in event info, comments, tag names and one value in four
     * @param badUtf8 invalid UTF-8 byte sequences inside comments and event info
     * @param deepJson the answer is this many arrays nested in one another; 0 for none
     * @param duplicateKeys every record names {@code value} and {@code type} twice, the second time differently
     * @param hugeRecordKb every record's comment is padded to this many KB; 0 for none
     * @param gzipBombMb the answer is gzip-encoded whitespace that inflates to this many MB; 0 for none
     * @param redirect searches are answered 302 to this URL; null for none
     * @param wrongContentType the JSON answer is labelled {@code text/html}
     * @param reuseUuidsOf answers carry this other member's records (its uuids) with changed comments, flags and
     *     tags; null for none
     * @param forgedOrgc events claim this organisation as their creator ({@code Orgc}); null for none
     * @param unsearchedValues each answer adds records whose values nobody searched
     */
    public record Tricks(boolean rtl, boolean badUtf8, int deepJson, boolean duplicateKeys, int hugeRecordKb,
            int gzipBombMb, String redirect, boolean wrongContentType, String reuseUuidsOf, String forgedOrgc,
            boolean unsearchedValues) {
        public static final Tricks NONE = new Tricks(false, false, 0, false, 0, 0, null, false, null, null, false);

        public Tricks {
            if (deepJson < 0 || hugeRecordKb < 0 || gzipBombMb < 0) {
                throw new IllegalArgumentException("deep-json, huge-records and gzip-bomb must not be negative");
            }
        }

        /** Whether any trick is on. */
        public boolean any() {
            return !equals(NONE);
        }
    }

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
                oversizedMegabytes, hostile, down, hang, tricks);
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
        boolean rtl = false;
        boolean badUtf8 = false;
        int deepJson = 0;
        boolean duplicateKeys = false;
        int hugeKb = 0;
        int gzipBombMb = 0;
        String redirect = null;
        boolean wrongType = false;
        String reuse = null;
        String forged = null;
        boolean unsearched = false;
        if (spec != null) {
            for (String raw : spec.split(",")) {
                String term = raw.trim().toLowerCase(Locale.ROOT);
                if (term.isEmpty() || term.equals("none")) {
                    continue;
                }
                int eq = term.indexOf('=');
                String key = eq < 0 ? term : term.substring(0, eq);
                // arguments keep their case (URLs, organisation names)
                String arg = eq < 0 ? null : raw.trim().substring(eq + 1);
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
                        case "rtl" -> rtl = true;
                        case "bad-utf8" -> badUtf8 = true;
                        case "deep-json" -> deepJson = arg == null ? 10_000 : Integer.parseInt(arg);
                        case "duplicate-keys" -> duplicateKeys = true;
                        case "huge-records" -> hugeKb = arg == null ? 256 : Integer.parseInt(arg);
                        case "gzip-bomb" -> gzipBombMb = arg == null ? 1024 : Integer.parseInt(arg);
                        case "redirect" -> redirect = require(arg, key);
                        case "wrong-content-type" -> wrongType = true;
                        case "reuse-uuids" -> reuse = require(arg, key);
                        case "forged-orgc" -> forged = require(arg, key);
                        case "unsearched-values" -> unsearched = true;
                        default -> throw new IllegalArgumentException("unknown fault '" + key + "'");
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number in fault term '" + term + "'", e);
                }
            }
        }
        return new Fault(latMin, latMax, errorRate, forbidden, drip, malformed, truncated, oversized, hostile, down,
                hang, new Tricks(rtl, badUtf8, deepJson, duplicateKeys, hugeKb, gzipBombMb, redirect, wrongType, reuse,
                        forged, unsearched));
    }

    private void appendTricks(StringBuilder sb) {
        Tricks t = tricks;
        if (t.rtl()) {
            sb.append(",rtl");
        }
        if (t.badUtf8()) {
            sb.append(",bad-utf8");
        }
        if (t.deepJson() > 0) {
            sb.append(",deep-json=").append(t.deepJson());
        }
        if (t.duplicateKeys()) {
            sb.append(",duplicate-keys");
        }
        if (t.hugeRecordKb() > 0) {
            sb.append(",huge-records=").append(t.hugeRecordKb());
        }
        if (t.gzipBombMb() > 0) {
            sb.append(",gzip-bomb=").append(t.gzipBombMb());
        }
        if (t.redirect() != null) {
            sb.append(",redirect=").append(t.redirect());
        }
        if (t.wrongContentType()) {
            sb.append(",wrong-content-type");
        }
        if (t.reuseUuidsOf() != null) {
            sb.append(",reuse-uuids=").append(t.reuseUuidsOf());
        }
        if (t.forgedOrgc() != null) {
            sb.append(",forged-orgc=").append(t.forgedOrgc());
        }
        if (t.unsearchedValues()) {
            sb.append(",unsearched-values");
        }
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
        appendTricks(sb);
        return sb.length() == 0 ? "none" : sb.substring(1);
    }
}
