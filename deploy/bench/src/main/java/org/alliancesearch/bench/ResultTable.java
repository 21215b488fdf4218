package org.alliancesearch.bench;

import java.util.ArrayList;
import java.util.List;

/** The figures of one run, printed as a Markdown table. */
public final class ResultTable {

    /**
     * One figure.
     *
     * @param scenario e.g. {@code 1 overhead, 20 members}
     * @param path what was measured: portal HTTP API, connector, direct
     * @param figure the measured value(s)
     * @param baseline the baseline measured in the same run, or a dash
     * @param target the target
     * @param met {@code yes}, {@code no (…)} or {@code n/a}
     */
    public record Row(String scenario, String path, String figure, String baseline, String target, String met) {
    }

    private final List<Row> rows = new ArrayList<>();

    public void add(Row row) {
        rows.add(row);
    }

    /**
     * The table, with a header naming date, machine, command and settings.
     *
     * @param settings the run's settings not seen in its figures, e.g. how the members are asked
     */
    public String markdown(String date, String machine, String command, String settings) {
        StringBuilder b = new StringBuilder();
        b.append("date: ").append(date).append('\n');
        b.append("machine: ").append(machine).append('\n');
        b.append("command: `").append(command).append("`\n");
        b.append("settings: ").append(settings).append("\n\n");
        b.append("| scenario | measured through | figure | baseline (same run) | target | met? |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (Row r : rows) {
            b.append("| ").append(cell(r.scenario())).append(" | ").append(cell(r.path())).append(" | ")
                    .append(cell(r.figure())).append(" | ").append(cell(r.baseline())).append(" | ")
                    .append(cell(r.target())).append(" | ").append(cell(r.met())).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s == null ? "" : s.replace("|", "\\|").replace("\n", " ");
    }
}
