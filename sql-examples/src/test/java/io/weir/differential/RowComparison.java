package io.weir.differential;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Compares the rows of two answers: as a sequence when the query orders its result, otherwise as a multiset.
 * Values match by {@link SqlValues#matches}, so approximate numbers may differ within a tolerance.
 */
final class RowComparison {

    /** How many differing rows a failure message shows at most. */
    private static final int SHOWN = 12;

    private RowComparison() {
    }

    /** Empty when the rows agree; otherwise a message that shows where they differ. */
    static Optional<String> mismatch(List<List<Object>> expected, List<List<Object>> actual, boolean ordered) {
        if (ordered) {
            return sequenceMismatch(expected, actual);
        }
        List<List<Object>> sortedExpected = sorted(expected);
        List<List<Object>> sortedActual = sorted(actual);
        if (sortedExpected.size() == sortedActual.size() && sequenceMismatch(sortedExpected, sortedActual).isEmpty()) {
            return Optional.empty();
        }
        // Sorting may place rows whose doubles differ within the tolerance apart: match row by row before failing.
        return multisetMismatch(sortedExpected, sortedActual);
    }

    private static Optional<String> sequenceMismatch(List<List<Object>> expected, List<List<Object>> actual) {
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            if (!rowMatches(expected.get(i), actual.get(i))) {
                return Optional.of("rows differ first at position " + i + ": expected " + text(expected.get(i))
                        + " but Weir gave " + text(actual.get(i)) + sizes(expected, actual));
            }
        }
        if (expected.size() != actual.size()) {
            return Optional.of("the common prefix agrees, but" + sizes(expected, actual)
                    + (expected.size() > actual.size() ? "; missing: " + rows(expected.subList(actual.size(),
                    expected.size())) : "; extra: " + rows(actual.subList(expected.size(), actual.size()))));
        }
        return Optional.empty();
    }

    private static Optional<String> multisetMismatch(List<List<Object>> expected, List<List<Object>> actual) {
        List<List<Object>> extra = new ArrayList<>(actual);
        List<List<Object>> missing = new ArrayList<>();
        for (List<Object> row : expected) {
            Iterator<List<Object>> candidates = extra.iterator();
            boolean found = false;
            while (candidates.hasNext() && !found) {
                if (rowMatches(row, candidates.next())) {
                    candidates.remove();
                    found = true;
                }
            }
            if (!found) {
                missing.add(row);
            }
        }
        if (missing.isEmpty() && extra.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the multisets differ" + sizes(expected, actual) + "; rows only H2 gave: " + rows(missing)
                + "; rows only Weir gave: " + rows(extra));
    }

    private static boolean rowMatches(List<Object> expected, List<Object> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            if (!SqlValues.matches(expected.get(i), actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Object>> sorted(List<List<Object>> rows) {
        List<List<Object>> copy = new ArrayList<>(rows);
        copy.sort(SqlValues.ROW_ORDER);
        return copy;
    }

    private static String sizes(List<List<Object>> expected, List<List<Object>> actual) {
        return " (H2 gave " + expected.size() + " rows, Weir " + actual.size() + ")";
    }

    private static String rows(List<List<Object>> rows) {
        String shown = rows.stream().limit(SHOWN).map(RowComparison::text).collect(Collectors.joining(", "));
        return rows.size() > SHOWN ? shown + ", ... (" + rows.size() + " in all)" : shown;
    }

    private static String text(List<Object> row) {
        return row.stream().map(SqlValues::describe).collect(Collectors.joining(", ", "[", "]"));
    }
}
