package org.alliancesearch.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The numeric figures of several full runs, by name, for the summary the targets are judged on: the median of the
 * runs with their minimum and maximum (docs/benchmarks.md). Each run's own table keeps its figures in words, each with
 * the baseline of that same run.
 */
public final class Figures {

    /**
     * How a figure is judged.
     *
     * @param unit e.g. {@code ms}, {@code µs}, {@code searches/s}, {@code ×}
     * @param target the target in words, or null when only reported
     * @param atMost true when lower is better (the median must be ≤ {@code limit}), false when higher is
     * @param limit the target's bound, or NaN when only reported
     */
    public record Judgement(String unit, String target, boolean atMost, double limit) {
        static Judgement reported(String unit) {
            return new Judgement(unit, null, true, Double.NaN);
        }

        static Judgement atMost(String unit, double limit, String target) {
            return new Judgement(unit, target, true, limit);
        }

        static Judgement atLeast(String unit, double limit, String target) {
            return new Judgement(unit, target, false, limit);
        }

        boolean judged() {
            return !Double.isNaN(limit);
        }

        boolean met(double median) {
            return atMost ? median <= limit : median >= limit;
        }
    }

    private final Map<String, Judgement> judgements = new LinkedHashMap<>();
    private final Map<String, List<Double>> values = new LinkedHashMap<>();

    /** Adds one run's value of a figure; the first value names the figure's judgement. */
    public synchronized void add(String name, double value, Judgement judgement) {
        judgements.putIfAbsent(name, judgement);
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    /** The median of the values (the mean of the middle two for an even count). */
    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** One line per figure: median, minimum, maximum, number of runs, target and verdict (Markdown). */
    public synchronized String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| figure | median | min | max | runs | target | met? |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        values.forEach((name, list) -> {
            Judgement j = judgements.get(name);
            double median = median(list);
            String met = !j.judged() ? "n/a" : j.met(median) ? "yes" : "**no**";
            b.append("| ").append(name).append(" | ").append(number(median, j.unit())).append(" | ")
                    .append(number(list.stream().mapToDouble(Double::doubleValue).min().orElse(0), j.unit()))
                    .append(" | ")
                    .append(number(list.stream().mapToDouble(Double::doubleValue).max().orElse(0), j.unit()))
                    .append(" | ").append(list.size()).append(" | ")
                    .append(j.target() == null ? "(reported)" : j.target())
                    .append(" | ").append(met).append(" |\n");
        });
        return b.toString();
    }

    public synchronized boolean isEmpty() {
        return values.isEmpty();
    }

    private static String number(double v, String unit) {
        String n = Math.abs(v) >= 100
                ? String.format(Locale.ROOT, "%.0f", v)
                : String.format(Locale.ROOT, "%.2f", v);
        return unit.isEmpty() ? n : n + " " + unit;
    }
}
