package io.weir.server;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Seeds a fresh data dir with the demo table of {@code sql-examples/examples/demo} (its DDL and rows are
 * bundled into the server jar), so the README's first queries work with no set-up.
 */
final class DemoCatalog {

    private static final String RESOURCES = "/io/weir/server/demo/";

    private DemoCatalog() {
    }

    static void seed(StatementExecutor executor) {
        executor.execute(read("create.sql"), Map.of());
        List<String> tuples = new ArrayList<>();
        for (String line : read("orders.csv").split("\n")) {
            if (!line.isBlank()) {
                tuples.add("(" + toSqlLiterals(line.trim()) + ")");
            }
        }
        executor.execute("INSERT INTO orders VALUES " + String.join(", ", tuples), Map.of());
    }

    /**
     * The demo CSV has no quoted commas: numbers stay as they are, timestamps become TIMESTAMP literals and
     * everything else a string literal.
     */
    private static String toSqlLiterals(String csvLine) {
        List<String> literals = new ArrayList<>();
        for (String field : csvLine.split(",", -1)) {
            if (field.matches("-?\\d+(\\.\\d+)?")) {
                literals.add(field);
            } else if (field.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}(\\.\\d+)?")) {
                literals.add("TIMESTAMP '" + field + "'");
            } else {
                literals.add("'" + field.replace("'", "''") + "'");
            }
        }
        return String.join(", ", literals);
    }

    private static String read(String name) {
        try (InputStream in = DemoCatalog.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new WeirException(ErrorKind.INTERNAL, "The demo resource " + name + " is missing from the jar");
            }
            StringBuilder text = new StringBuilder();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                reader.lines().forEach(l -> text.append(l).append('\n'));
            }
            return text.toString();
        } catch (IOException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot read the demo resource " + name, e);
        }
    }
}
