package io.weir.planner.codegen;

import io.weir.executor.api.WeirException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A compiled text pattern: SQL {@code LIKE} ({@code %} any run of characters, {@code _} one character, an
 * optional escape character that makes the next {@code %}, {@code _} or itself literal), {@code SIMILAR TO},
 * or a Java regular expression searched anywhere in the text. The common LIKE shapes ({@code 'abc'},
 * {@code 'abc%'}, {@code '%abc'}, {@code '%abc%'}, {@code 'ab%yz'}) test with plain string methods; the rest
 * with a regular expression whose matcher is re-used across the rows of a chunk.
 */
final class TextPattern {

    /** Tests strings; an instance may hold state (a regex matcher), so one is used per chunk and thread. */
    @FunctionalInterface
    interface Tester {
        boolean test(String s);
    }

    private final String text;
    private final Shape shape;
    private final String literal;
    private final String suffix;
    private final Pattern regex;

    private enum Shape { EQUALS, STARTS_WITH, ENDS_WITH, CONTAINS, ANY, REGEX, FIND }

    private TextPattern(String text, Shape shape, String literal, String suffix, Pattern regex) {
        this.text = text;
        this.shape = shape;
        this.literal = literal;
        this.suffix = suffix;
        this.regex = regex;
    }

    /**
     * Compiles {@code pattern}; {@code escape} is null when the LIKE has no ESCAPE clause. A malformed pattern
     * (an escape before a character other than {@code %}, {@code _} or itself, or at the end) is an error.
     */
    static TextPattern like(String pattern, String escape) {
        if (escape != null && escape.length() != 1) {
            throw WeirException.execution("LIKE escape must be a single character, got '" + escape + "'");
        }
        char esc = escape == null ? 0 : escape.charAt(0);
        // Literal runs, with null standing for '%'; '_' forces the regex form.
        List<String> parts = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        StringBuilder javaRegex = new StringBuilder();
        boolean single = false;
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (escape != null && ch == esc) {
                if (i + 1 == pattern.length()) {
                    throw invalid(pattern);
                }
                char next = pattern.charAt(++i);
                if (next != '%' && next != '_' && next != esc) {
                    throw invalid(pattern);
                }
                run.append(next);
                javaRegex.append(Pattern.quote(String.valueOf(next)));
            } else if (ch == '%') {
                parts.add(run.toString());
                parts.add(null);
                run.setLength(0);
                javaRegex.append(".*");
            } else if (ch == '_') {
                single = true;
                javaRegex.append('.');
            } else {
                run.append(ch);
                javaRegex.append(Pattern.quote(String.valueOf(ch)));
            }
        }
        parts.add(run.toString());
        if (!single) {
            TextPattern simple = simpleShape(pattern, parts);
            if (simple != null) {
                return simple;
            }
        }
        return new TextPattern(pattern, Shape.REGEX, null, null, Pattern.compile(javaRegex.toString(), Pattern.DOTALL));
    }

    /** The plain-string form for patterns such as {@code abc}, {@code abc%}, {@code %abc}, {@code %abc%}. */
    private static TextPattern simpleShape(String pattern, List<String> parts) {
        // parts alternate text, %, text, %, ... text
        if (parts.size() == 1) {
            return new TextPattern(pattern, Shape.EQUALS, parts.get(0), null, null);
        }
        if (parts.size() == 3) {
            String head = parts.get(0);
            String tail = parts.get(2);
            if (head.isEmpty() && tail.isEmpty()) {
                return new TextPattern(pattern, Shape.ANY, null, null, null);
            }
            if (tail.isEmpty()) {
                return new TextPattern(pattern, Shape.STARTS_WITH, head, null, null);
            }
            if (head.isEmpty()) {
                return new TextPattern(pattern, Shape.ENDS_WITH, tail, null, null);
            }
            return new TextPattern(pattern, Shape.STARTS_WITH, head, tail, null); // head%tail
        }
        if (parts.size() == 5 && parts.get(0).isEmpty() && parts.get(4).isEmpty()) {
            return new TextPattern(pattern, Shape.CONTAINS, parts.get(2), null, null);
        }
        return null;
    }

    /**
     * SQL {@code SIMILAR TO}: {@code %} and {@code _} as in LIKE, the regular-expression operators
     * ({@code | * + ? {m,n} ( ) [ ]}) as in Java; {@code $} and backslash are literal.
     */
    static TextPattern similar(String pattern, String escape) {
        if (escape != null && escape.length() != 1) {
            throw WeirException.execution("SIMILAR TO escape must be a single character, got '" + escape + "'");
        }
        char esc = escape == null ? 0 : escape.charAt(0);
        StringBuilder javaRegex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char ch = pattern.charAt(i);
            if (escape != null && ch == esc) {
                if (i + 1 == pattern.length()) {
                    throw invalid(pattern);
                }
                javaRegex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (ch == '%') {
                javaRegex.append(".*");
            } else if (ch == '_') {
                javaRegex.append('.');
            } else if (ch == '\\' || ch == '$') {
                javaRegex.append('\\').append(ch);
            } else {
                javaRegex.append(ch);
            }
        }
        try {
            return new TextPattern(pattern, Shape.REGEX, null, null, Pattern.compile(javaRegex.toString(), Pattern.DOTALL));
        } catch (PatternSyntaxException e) {
            throw WeirException.execution("Invalid SIMILAR TO pattern '" + pattern + "'");
        }
    }

    /** A Java regular expression found anywhere in the text (Flink's REGEXP); null when the regex is invalid. */
    static TextPattern find(String regex) {
        Pattern compiled = Regexes.compile(regex);
        return compiled == null ? null : new TextPattern(regex, Shape.FIND, null, null, compiled);
    }

    private static WeirException invalid(String pattern) {
        return WeirException.execution("Invalid escape sequence in LIKE pattern '" + pattern + "'");
    }

    /** A tester for one chunk (regex testers re-use one matcher, so they are not shared between threads). */
    Tester newTester() {
        return switch (shape) {
            case EQUALS -> literal::equals;
            case STARTS_WITH -> suffix == null ? s -> s.startsWith(literal)
                    : s -> s.length() >= literal.length() + suffix.length() && s.startsWith(literal) && s.endsWith(suffix);
            case ENDS_WITH -> s -> s.endsWith(literal);
            case CONTAINS -> s -> s.contains(literal);
            case ANY -> s -> true;
            case REGEX -> {
                Matcher matcher = regex.matcher("");
                yield s -> matcher.reset(s).matches();
            }
            case FIND -> {
                Matcher matcher = regex.matcher("");
                yield s -> matcher.reset(s).find();
            }
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
