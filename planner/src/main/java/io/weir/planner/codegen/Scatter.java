package io.weir.planner.codegen;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;

/** Writes the rows of a subset's result back to their places in a full-size vector. */
final class Scatter {

    private Scatter() {
    }

    /** {@code out[positions[j]] = src[j]} for {@code j < count}, values and nulls; both of one physical type. */
    static void into(Vector src, Vector out, int[] positions, int count) {
        switch (out.physicalType()) {
            case LONG -> {
                long[] s = ((LongVector) src).values();
                long[] o = ((LongVector) out).values();
                for (int j = 0; j < count; j++) {
                    o[positions[j]] = s[j];
                }
            }
            case DOUBLE -> {
                double[] s = ((DoubleVector) src).values();
                double[] o = ((DoubleVector) out).values();
                for (int j = 0; j < count; j++) {
                    o[positions[j]] = s[j];
                }
            }
            case BOOLEAN -> {
                boolean[] s = ((BooleanVector) src).values();
                boolean[] o = ((BooleanVector) out).values();
                for (int j = 0; j < count; j++) {
                    o[positions[j]] = s[j];
                }
            }
            case STRING -> {
                String[] s = ((StringVector) src).values();
                String[] o = ((StringVector) out).values();
                for (int j = 0; j < count; j++) {
                    o[positions[j]] = s[j];
                }
            }
        }
        if (src.mayHaveNulls()) {
            boolean[] nulls = src.nullMask();
            for (int j = 0; j < count; j++) {
                if (nulls[j]) {
                    out.setNull(positions[j]);
                }
            }
        }
    }
}
