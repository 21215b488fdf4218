package org.alliancesearch.model.indicator;

/** Entry points for indicator identity. */
public final class Indicators {
    private Indicators() {
    }

    /**
     * The key an attribute of this MISP type and value is grouped under: its family ({@link MispTypes#family}) and
     * the canonical form of the part of the value that identifies it. Composite types key on their meaningful half:
     * {@code ip-dst|port} on the IP, {@code domain|ip} and {@code hostname|port} on the name,
     * {@code filename|sha256} (and {@code malware-sample}) on the hash.
     *
     * <p>
     * Never throws: null reads as empty, and a value that cannot be normalised keys on its trimmed form. Called once
     * per hit, so values already canonical are recognised without parsing or copying.
     */
    public static IndicatorKey key(String mispType, String value) {
        String type = mispType == null ? "" : mispType;
        String v = value == null ? "" : value;
        TypeRule rule = TypeRule.of(type);
        if (rule == null) {
            return new IndicatorKey(type, v.strip());
        }
        int from = 0;
        int to = v.length();
        if (rule.part() == TypeRule.Part.LEFT) {
            int bar = v.indexOf('|');
            if (bar >= 0) {
                to = bar;
            }
        } else if (rule.part() == TypeRule.Part.RIGHT) {
            int bar = v.lastIndexOf('|');
            if (bar >= 0) {
                from = bar + 1;
            }
        }
        String canonical = rule.fastCanonical(v, from, to);
        if (canonical == null) {
            String part = v.substring(from, to);
            try {
                canonical = rule.canonical(part).valueOr(part.strip());
            } catch (RuntimeException e) {
                // Defensive: a hostile member must not break a merge with a value nobody foresaw.
                canonical = part.strip();
            }
        }
        return new IndicatorKey(rule.family(), canonical);
    }
}
