package org.retort.bench.harness;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Renders measurements for people (a Markdown table) and for programs (JSON), each with the ratio of a
 * contender's median to the raw-JDBC median of the same workload on the same database.
 */
public final class Report {
    private final List<Measurement> measurements;

    /**
     * Creates a report.
     *
     * @param measurements the measurements, in run order
     */
    public Report(List<Measurement> measurements) {
        this.measurements = List.copyOf(measurements);
    }

    /**
     * The ratio of a measurement's median to its floor's; 2.0 means twice as slow as raw JDBC.
     *
     * @param m the measurement
     * @return the ratio, or NaN when the floor was not measured
     */
    public double ratio(Measurement m) {
        for (Measurement f : measurements) {
            if (f.database() == m.database() && f.workload().equals(m.workload()) && Variant.FLOOR.equals(f.contender())) {
                return (double) m.medianNanos() / f.medianNanos();
            }
        }
        return Double.NaN;
    }

    /**
     * The ratio of a measurement's median CPU time (of the benchmark thread) to its floor's: less disturbed than
     * wall-clock time by other processes on a shared machine.
     *
     * @param m the measurement
     * @return the ratio, or NaN when the floor was not measured
     */
    public double cpuRatio(Measurement m) {
        for (Measurement f : measurements) {
            if (f.database() == m.database() && f.workload().equals(m.workload()) && Variant.FLOOR.equals(f.contender())) {
                return (double) m.medianCpuNanos() / Math.max(1, f.medianCpuNanos());
            }
        }
        return Double.NaN;
    }

    /**
     * @return a Markdown table: database, workload, rows, contender, median/min/max in ms, ratio to JDBC, median
     *     CPU ms of the benchmark thread and its ratio to JDBC's
     */
    public String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("| database | workload | rows | contender | median ms | min ms | max ms | vs jdbc | cpu ms "
                + "| cpu vs jdbc |\n");
        sb.append("|---|---|---:|---|---:|---:|---:|---:|---:|---:|\n");
        for (Measurement m : measurements) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %.1f | %.1f | %.1f | %.2fx | %.1f | %.2fx |%n",
                    m.database().label(), m.workload(), m.size(), m.contender(), m.medianNanos() / 1e6,
                    m.minNanos() / 1e6, m.maxNanos() / 1e6, ratio(m), m.medianCpuNanos() / 1e6, cpuRatio(m)));
        }
        return sb.toString();
    }

    /**
     * The measurements as a JSON document.
     *
     * @param header run facts to include at the top (mode, scale, JDK, ...), values written as strings
     * @return the JSON text
     */
    public String json(java.util.Map<String, String> header) {
        StringBuilder sb = new StringBuilder("{\n");
        header.forEach((k, v) -> sb.append("  ").append(str(k)).append(": ").append(str(v)).append(",\n"));
        sb.append("  \"results\": [");
        for (int i = 0; i < measurements.size(); i++) {
            Measurement m = measurements.get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"database\": ").append(str(m.database().label()))
                    .append(", \"workload\": ").append(str(m.workload()))
                    .append(", \"rows\": ").append(m.size())
                    .append(", \"contender\": ").append(str(m.contender()))
                    .append(", \"median_ns\": ").append(m.medianNanos())
                    .append(", \"min_ns\": ").append(m.minNanos())
                    .append(", \"max_ns\": ").append(m.maxNanos())
                    .append(", \"passes_ns\": ").append(java.util.Arrays.toString(m.passNanos()))
                    .append(", \"ratio_to_jdbc\": ").append(number(ratio(m)))
                    .append(", \"median_cpu_ns\": ").append(m.medianCpuNanos())
                    .append(", \"cpu_ratio_to_jdbc\": ").append(number(cpuRatio(m)))
                    .append('}');
        }
        sb.append("\n  ]\n}\n");
        return sb.toString();
    }

    private static String number(double d) {
        return Double.isNaN(d) ? "null" : String.format(Locale.ROOT, "%.4f", d);
    }

    private static String str(String s) {
        Objects.requireNonNull(s);
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
