package io.weir.differential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * One query of the differential suite, read from {@code sql-examples/differential/queries/<area>.sql}. A file holds
 * queries that each end with a line ending in {@code ;}; whole-line {@code --} comments are dropped. A query whose
 * outermost SELECT has an {@code ORDER BY} is compared as a sequence, any other as a multiset.
 *
 * <p>Where H2 lacks a construct (it has no FULL OUTER JOIN), the query is followed by lines starting with
 * {@code --h2:} that together hold an equivalent query for H2 to compute the expected rows with.
 *
 * @param area      the file name without {@code .sql}
 * @param number    1-based position of the query in its file
 * @param line      the line of the file where the query starts
 * @param sql       the query text, sent unchanged to Weir
 * @param reference the query H2 runs: {@code sql} or the {@code --h2:} text (either through {@link H2Dialect})
 * @param ordered   whether the rows must come in the same sequence
 */
record DifferentialQuery(String area, int number, int line, String sql, String reference, boolean ordered) {

    private static final String H2_PREFIX = "--h2:";

    static List<DifferentialQuery> load(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            List<DifferentialQuery> queries = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
                queries.addAll(parse(file.getFileName().toString().replace(".sql", ""), Files.readAllLines(file)));
            }
            return queries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<DifferentialQuery> parse(String area, List<String> lines) {
        List<DifferentialQuery> queries = new ArrayList<>();
        StringBuilder sql = new StringBuilder();
        int start = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String trimmed = line.trim();
            if (trimmed.startsWith(H2_PREFIX)) {
                i = readReference(area, lines, i, queries);
                continue;
            }
            if (trimmed.isEmpty() || trimmed.startsWith("--")) {
                continue;
            }
            if (sql.length() == 0) {
                start = i + 1;
            }
            if (trimmed.endsWith(";")) {
                sql.append(line, 0, line.lastIndexOf(';'));
                String text = sql.toString().strip();
                queries.add(new DifferentialQuery(area, queries.size() + 1, start, text, text, hasOuterOrderBy(text)));
                sql.setLength(0);
            } else {
                sql.append(line).append('\n');
            }
        }
        if (!sql.toString().isBlank()) {
            throw new IllegalArgumentException(area + ".sql: the query from line " + start + " does not end with ;");
        }
        return queries;
    }

    /** Reads the {@code --h2:} lines from {@code first} on into the last query; returns the last line read. */
    private static int readReference(String area, List<String> lines, int first, List<DifferentialQuery> queries) {
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(area + ".sql line " + (first + 1) + ": --h2: follows no query");
        }
        StringBuilder reference = new StringBuilder();
        int i = first;
        for (; i < lines.size() && lines.get(i).trim().startsWith(H2_PREFIX); i++) {
            reference.append(lines.get(i).trim().substring(H2_PREFIX.length()).strip()).append('\n');
        }
        String text = reference.toString().strip();
        text = text.endsWith(";") ? text.substring(0, text.length() - 1) : text;
        DifferentialQuery query = queries.remove(queries.size() - 1);
        queries.add(new DifferentialQuery(area, query.number, query.line, query.sql, text, query.ordered));
        return i - 1;
    }

    /** Whether {@code ORDER BY} appears outside every parenthesis, string, quoted name and comment. */
    static boolean hasOuterOrderBy(String sql) {
        StringBuilder outer = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = sql.indexOf(c, i + 1);
                i = end < 0 ? sql.length() : end;
                outer.append(' ');
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? sql.length() : end;
                outer.append(' ');
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (depth == 0) {
                outer.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        return (" " + outer.toString().toUpperCase(Locale.ROOT) + " ").replaceAll(" +", " ").contains(" ORDER BY ");
    }

    @Override
    public String toString() {
        String oneLine = sql.replaceAll("\\s+", " ");
        return area + "#" + number + " (line " + line + "): " + (oneLine.length() > 110
                ? oneLine.substring(0, 107) + "..." : oneLine);
    }
}
