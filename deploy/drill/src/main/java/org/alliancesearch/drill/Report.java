package org.alliancesearch.drill;

import java.util.ArrayList;
import java.util.List;

/** The drill's figures, each next to its target, and whether a missed target fails the run. */
final class Report {

    /**
     * One figure.
     *
     * @param scenario e.g. {@code 1 hostile members}
     * @param figure what was counted
     * @param value the measured value
     * @param target the target
     * @param met whether the target held
     * @param cause why not, when missed; a note when met (null for none: a cause given for a met row would read as
     *        one)
     * @param gate a miss fails the run ({@code run.sh} exits non-zero)
     */
    record Row(String scenario, String figure, String value, String target, boolean met, String cause, boolean gate) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    synchronized void add(String scenario, String figure, Object value, String target, boolean met, String cause,
            boolean gate) {
        rows.add(new Row(scenario, figure, String.valueOf(value), target, met, met
                ? (cause == null ? "" : cause)
                : (cause == null ? "missed" : cause), gate));
        System.out.printf("  %-22s %-48s %-20s target %-24s %s%n", scenario, figure, value, target,
                met ? "ok" : "MISSED " + (cause == null ? "" : cause));
    }

    /** A figure with no pass/fail target. */
    synchronized void info(String scenario, String figure, Object value, String note) {
        rows.add(new Row(scenario, figure, String.valueOf(value), "—", true, note == null ? "" : note, false));
        System.out.printf("  %-22s %-48s %s%n", scenario, figure, value);
    }

    synchronized void note(String text) {
        notes.add(text);
        System.out.println("  note: " + text);
    }

    synchronized List<Row> failedGates() {
        return rows.stream().filter(r -> r.gate() && !r.met()).toList();
    }

    synchronized List<Row> missed() {
        return rows.stream().filter(r -> !r.met()).toList();
    }

    synchronized String table() {
        StringBuilder b = new StringBuilder();
        b.append("| scenario | figure | measured | target | met? |\n|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(cell(r.scenario())).append(" | ").append(cell(r.figure())).append(" | ")
                    .append(cell(r.value())).append(" | ").append(cell(r.target())).append(" | ")
                    .append(r.target().equals("—")
                            ? cell(r.cause())
                            : r.met()
                                    ? "yes" + (r.cause().isEmpty() ? "" : " (" + cell(r.cause()) + ")")
                                    : "**no**: " + cell(r.cause()))
                    .append(" |\n");
        }
        if (!notes.isEmpty()) {
            b.append('\n');
            for (String n : notes) {
                b.append("- ").append(n).append('\n');
            }
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
