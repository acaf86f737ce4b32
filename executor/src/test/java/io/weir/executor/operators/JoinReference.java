package io.weir.executor.operators;

import io.weir.executor.api.JoinType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The textbook definition of each join type over lists of rows, row by row: the oracle the join operators are
 * checked against. Keys compare with SQL equality (null matches nothing) unless marked null-safe.
 */
final class JoinReference {

    private JoinReference() {
    }

    /**
     * @param residual over (left row, right row): TRUE keeps the pair; FALSE or null (UNKNOWN) drops it;
     *                 null means no residual
     */
    static List<List<Object>> join(JoinType type, List<List<Object>> left, List<List<Object>> right,
            int[] leftKeys, int[] rightKeys, boolean[] nullSafe, BiFunction<List<Object>, List<Object>, Boolean> residual,
            int leftWidth, int rightWidth) {
        List<List<Object>> out = new ArrayList<>();
        boolean[] rightMatched = new boolean[right.size()];
        for (List<Object> l : left) {
            boolean matched = false;
            for (int j = 0; j < right.size(); j++) {
                List<Object> r = right.get(j);
                if (keysMatch(l, r, leftKeys, rightKeys, nullSafe)
                        && (residual == null || Boolean.TRUE.equals(residual.apply(l, r)))) {
                    matched = true;
                    rightMatched[j] = true;
                    if (type.projectsRight()) {
                        out.add(concat(l, r));
                    }
                }
            }
            if ((type == JoinType.SEMI && matched) || (type == JoinType.ANTI && !matched)) {
                out.add(l);
            }
            if (type.keepsUnmatchedLeft() && !matched) {
                out.add(concat(l, nulls(rightWidth)));
            }
        }
        if (type.keepsUnmatchedRight()) {
            for (int j = 0; j < right.size(); j++) {
                if (!rightMatched[j]) {
                    out.add(concat(nulls(leftWidth), right.get(j)));
                }
            }
        }
        return out;
    }

    private static boolean keysMatch(List<Object> l, List<Object> r, int[] leftKeys, int[] rightKeys,
            boolean[] nullSafe) {
        for (int k = 0; k < leftKeys.length; k++) {
            Object a = l.get(leftKeys[k]);
            Object b = r.get(rightKeys[k]);
            if ((a == null || b == null) && !nullSafe[k]) {
                return false;
            }
            if (!Objects.equals(a, b)) {
                return false;
            }
        }
        return true;
    }

    static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> row = new ArrayList<>(a);
        row.addAll(b);
        return row;
    }

    static List<Object> nulls(int width) {
        return new ArrayList<>(Collections.nCopies(width, null));
    }
}
