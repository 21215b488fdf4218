package org.alliancesearch.connector.client;

/**
 * Makes text that a member controls (error messages, reason phrases, redirect targets) safe to show and log: no
 * control or format characters (which could forge log lines or reorder text), whitespace collapsed, length bounded.
 */
public final class ErrorText {
    /** Longest member-provided text kept in a message. */
    public static final int MAX_LENGTH = 160;

    private ErrorText() {
    }

    public static String clean(String raw) {
        return clean(raw, MAX_LENGTH);
    }

    public static String clean(String raw, int max) {
        if (raw == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max + 1));
        boolean space = false;
        for (int i = 0; i < raw.length() && out.length() <= max; i++) {
            char c = raw.charAt(i);
            int type = Character.getType(c);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                space = out.length() > 0;
                continue;
            }
            if (type == Character.SURROGATE || type == Character.PRIVATE_USE || type == Character.UNASSIGNED) {
                c = '?';
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c);
        }
        if (out.length() > max) {
            out.setLength(max);
            out.append('…');
        }
        return out.toString();
    }
}
