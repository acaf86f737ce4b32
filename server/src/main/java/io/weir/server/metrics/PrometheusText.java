package io.weir.server.metrics;

import java.util.Map;

/**
 * Writes metrics in the Prometheus text exposition format (version 0.0.4): each family once, with its
 * {@code # HELP} and {@code # TYPE} lines, followed by its samples. Label values are escaped as the format asks.
 */
public final class PrometheusText {

    private final StringBuilder out = new StringBuilder();

    /** Starts a metric family; its samples must follow before the next family starts. */
    public PrometheusText family(String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        return this;
    }

    /** One sample; {@code labels} in the order given (empty for none). */
    public PrometheusText sample(String name, Map<String, String> labels, long value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, String> label : labels.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                out.append(label.getKey()).append("=\"").append(escape(label.getValue())).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
        return this;
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
