package io.weir.executor.operators;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows of external values ({@link io.weir.executor.data.Values}' forms) for test inputs and expectations. */
public final class Rows {

    private Rows() {
    }

    /** One row; nulls allowed (write {@code row((Object) null)} for the one-column row holding NULL). */
    public static List<Object> row(Object... values) {
        return values == null ? Arrays.asList((Object) null) : Arrays.asList(values);
    }

    /** {@code copies} copies of a row, for duplicates. */
    public static List<List<Object>> repeat(int copies, List<Object> row) {
        List<List<Object>> rows = new ArrayList<>(copies);
        for (int i = 0; i < copies; i++) {
            rows.add(row);
        }
        return rows;
    }
}
