package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;

/**
 * The values of {@code source} under another type with the same physical representation (INT as BIGINT,
 * CHAR as VARCHAR, Calcite's REINTERPRET): the vector passes through untouched.
 */
record Retyped(ScalarEvaluator source, DataType type) implements ScalarEvaluator {

    static ScalarEvaluator of(ScalarEvaluator source, DataType type) {
        if (source.type().equals(type)) {
            return source;
        }
        if (source instanceof Constant c) {
            return c.withType(type);
        }
        if (source instanceof Retyped r) {
            return new Retyped(r.source, type);
        }
        return new Retyped(source, type);
    }

    @Override
    public Vector evaluate(Chunk input) {
        return source.evaluate(input);
    }
}
