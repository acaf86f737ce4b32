package io.weir.planner.jobgraph;

import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;

/** An ORDER BY (from its {@code from}-th field on) as the runtime's sort operators take it. */
record SortKeys(int[] keys, boolean[] descending, boolean[] nullsFirst) {

    static SortKeys of(List<RelFieldCollation> fields, int from) {
        int count = fields.size() - from;
        int[] keys = new int[count];
        boolean[] descending = new boolean[count];
        boolean[] nullsFirst = new boolean[count];
        for (int i = 0; i < count; i++) {
            RelFieldCollation field = fields.get(from + i);
            keys[i] = field.getFieldIndex();
            descending[i] = field.getDirection().isDescending();
            nullsFirst[i] = nullsFirst(field);
        }
        return new SortKeys(keys, descending, nullsFirst);
    }

    private static boolean nullsFirst(RelFieldCollation field) {
        return switch (field.nullDirection) {
            case FIRST -> true;
            case LAST -> false;
            // Flink's default: nulls are the smallest values.
            default -> !field.getDirection().isDescending();
        };
    }
}
