package io.weir.differential;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the few constructs of the shared queries that H2 spells differently, leaving the query's meaning
 * alone: {@code FLOOR(ts TO unit)} (Flink, Calcite) is {@code DATE_TRUNC('unit', ts)} in H2.
 */
final class H2Dialect {

    private static final Pattern FLOOR = Pattern.compile("(?i)\\bFLOOR\\s*\\(");
    private static final Pattern TO_UNIT = Pattern.compile("(?is)(.*)\\s+TO\\s+([A-Z]+)\\s*");

    private H2Dialect() {
    }

    static String translate(String sql) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher floor = FLOOR.matcher(sql);
        while (floor.find(from)) {
            int open = floor.end() - 1;
            int close = matchingParenthesis(sql, open);
            String argument = sql.substring(open + 1, close);
            Matcher toUnit = TO_UNIT.matcher(argument);
            out.append(sql, from, floor.start());
            if (toUnit.matches() && depthZero(argument, toUnit.start(2))) {
                out.append("DATE_TRUNC('").append(toUnit.group(2).toUpperCase(Locale.ROOT)).append("', ")
                        .append(translate(toUnit.group(1))).append(')');
            } else {
                out.append(sql, floor.start(), open + 1).append(translate(argument)).append(')');
            }
            from = close + 1;
        }
        return out.append(sql.substring(from)).toString();
    }

    private static int matchingParenthesis(String sql, int open) {
        int depth = 0;
        for (int i = open; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '\'') {
                i = sql.indexOf('\'', i + 1);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("Unbalanced parentheses in: " + sql);
    }

    private static boolean depthZero(String text, int position) {
        int depth = 0;
        for (int i = 0; i < position; i++) {
            char c = text.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        }
        return depth == 0;
    }
}
