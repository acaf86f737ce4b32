package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.PhysicalType;
import io.weir.executor.data.TypeKind;

/**
 * Brings two operands to one representation so they can be compared: Calcite leaves some mixed pairs
 * without a CAST (DECIMAL against INT, TIMESTAMP against TIMESTAMP_LTZ, DATE against TIMESTAMP).
 */
final class Coercion {

    private Coercion() {
    }

    /** The two operands, converted where needed so that equal values have equal representations. */
    static ScalarEvaluator[] common(ScalarEvaluator a, ScalarEvaluator b) {
        DataType x = a.type();
        DataType y = b.type();
        TypeKind xk = x.kind();
        TypeKind yk = y.kind();
        if (Casts.sameRepresentation(x, y)) {
            return pair(a, b);
        }
        if (xk == TypeKind.NULL || yk == TypeKind.NULL) {
            return pair(xk == TypeKind.NULL ? Constant.nullOf(y) : a, yk == TypeKind.NULL ? Constant.nullOf(x) : b);
        }
        if (xk.isCharacter() != yk.isCharacter()) {
            // Text against a typed value: read the text as that type.
            return xk.isCharacter() ? pair(Casts.cast(a, y.withNullable(x.nullable())), b)
                    : pair(a, Casts.cast(b, x.withNullable(y.nullable())));
        }
        if (xk.isNumeric() && yk.isNumeric()) {
            if (x.physical() == PhysicalType.DOUBLE || y.physical() == PhysicalType.DOUBLE) {
                return pair(Arithmetic.toDouble(a), Arithmetic.toDouble(b));
            }
            int scale = Math.max(x.decimalScale(), y.decimalScale());
            return pair(rescale(a, scale), rescale(b, scale));
        }
        if (xk == TypeKind.DATE && Casts.isTimestamp(yk)) {
            return pair(Casts.cast(a, y.withNullable(x.nullable())), b);
        }
        if (yk == TypeKind.DATE && Casts.isTimestamp(xk)) {
            return pair(a, Casts.cast(b, x.withNullable(y.nullable())));
        }
        throw WeirException.plan("Cannot compare " + x.withNullable(true).sqlName() + " with " + y.withNullable(true).sqlName());
    }

    private static ScalarEvaluator rescale(ScalarEvaluator e, int scale) {
        return e.type().decimalScale() == scale ? e : Casts.cast(e, Arithmetic.wideDecimal(scale, e.type()));
    }

    private static ScalarEvaluator[] pair(ScalarEvaluator a, ScalarEvaluator b) {
        return new ScalarEvaluator[] {a, b};
    }
}
