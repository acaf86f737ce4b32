package io.weir.planner.codegen;

import java.util.function.UnaryOperator;

/**
 * Remembers the results of a deterministic function of one string for recently seen inputs, in a table of 32 Ki
 * entries where an input may sit in either of two slots its hash picks: columns that repeat a modest set of values (channel names, URLs, codes) then
 * cost one hash and one comparison per row instead of a regular-expression match or a case conversion. A String
 * caches its hash, so an input that is the same instance as before costs no scan at all.
 *
 * <p>After {@link #PROBATION} lookups, a memo whose inputs rarely repeat (fewer than a quarter hits) switches itself
 * off and calls the function directly, so distinct inputs do not pay for an entry per row.
 *
 * <p>Thread-safe without locks, as compiled evaluators are shared by the subtasks of a vertex: entries are immutable
 * records read and replaced whole, so a racing reader sees an old entry, a new one or none, each of them right; the
 * counters are hints and may lose updates.
 */
final class StringMemo {

    private static final int SLOTS = 1 << 15;
    static final int PROBATION = 1 << 14;

    private final UnaryOperator<String> function;
    private final Entry[] entries = new Entry[SLOTS];
    private int lookups;
    private int hits;
    private volatile boolean off;

    private record Entry(String input, String result) {
    }

    StringMemo(UnaryOperator<String> function) {
        this.function = function;
    }

    /** {@code function.apply(input)} for a non-null input. */
    String apply(String input) {
        if (off) {
            return function.apply(input);
        }
        int h = input.hashCode();
        int first = h & (SLOTS - 1);
        int second = (h >>> 17 ^ h * 0x9E3779B9) & (SLOTS - 1);
        Entry entry = entries[first];
        if (entry == null || !(entry.input == input || entry.input.equals(input))) {
            entry = entries[second];
        }
        String result;
        if (entry != null && (entry.input == input || entry.input.equals(input))) {
            hits++;
            result = entry.result;
        } else {
            result = function.apply(input);
            // Two candidate slots: an input is evicted only when both are taken, so a few thousand distinct
            // values rarely push each other out.
            entries[entries[first] == null ? first : second] = new Entry(input, result);
        }
        if (++lookups == PROBATION && hits < PROBATION / 4) {
            off = true;
        }
        return result;
    }
}
