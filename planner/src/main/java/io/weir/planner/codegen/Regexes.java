package io.weir.planner.codegen;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiled patterns for the rare calls whose pattern is not a literal (it comes from a column): small
 * shared caches, cleared when full, so that a handful of distinct patterns are compiled once each.
 * Thread-safe; a lost race compiles a pattern twice, which is harmless.
 */
final class Regexes {

    private static final int MAX_ENTRIES = 256;
    private static final ConcurrentHashMap<String, Optional<Pattern>> REGEX = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, TextPattern> TEXT = new ConcurrentHashMap<>();

    private Regexes() {
    }

    /** The compiled regex, or null when it is not a valid Java regular expression. */
    static Pattern compile(String regex) {
        return cached(REGEX, regex, () -> {
            try {
                return Optional.of(Pattern.compile(regex));
            } catch (PatternSyntaxException e) {
                return Optional.empty();
            }
        }).orElse(null);
    }

    /** A LIKE (or, with {@code similar}, SIMILAR TO) pattern; {@code escape} may be null. */
    static TextPattern textPattern(String pattern, String escape, boolean similar) {
        String key = (similar ? "S" : "L") + (escape == null ? "-" : "+" + escape) + pattern;
        return cached(TEXT, key, () -> similar ? TextPattern.similar(pattern, escape) : TextPattern.like(pattern, escape));
    }

    private static <V> V cached(ConcurrentHashMap<String, V> cache, String key, Supplier<V> compile) {
        V value = cache.get(key);
        if (value == null) {
            if (cache.size() >= MAX_ENTRIES) {
                cache.clear();
            }
            value = compile.get();
            cache.put(key, value);
        }
        return value;
    }
}
