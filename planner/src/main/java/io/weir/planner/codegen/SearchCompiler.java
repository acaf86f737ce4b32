package io.weir.planner.codegen;

import com.google.common.collect.Range;
import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.Sarg;

/**
 * Calcite's {@code SEARCH(x, Sarg[...])}: IN and NOT IN lists are evaluated natively against a sorted
 * array (numbers, dates) or a hash set (strings) built once here; ranges (BETWEEN, {@code x > 1 OR x < -1})
 * are expanded into comparisons. A NULL {@code x} gives what the Sarg says ({@code nullAs}: UNKNOWN, TRUE or
 * FALSE); Calcite already folds a NULL inside the list into that.
 */
final class SearchCompiler {

    private SearchCompiler() {
    }

    static ScalarEvaluator compile(RexCall call, ScalarEvaluator operand, DataType type, Compilation compilation) {
        RexLiteral literal = (RexLiteral) call.getOperands().get(1);
        Sarg<?> sarg = literal.getValueAs(Sarg.class);
        boolean points = sarg.isPoints();
        boolean complemented = !points && sarg.isComplementedPoints();
        TypeKind kind = operand.type().kind();
        if ((points || complemented) && kind != TypeKind.BOOLEAN && kind != TypeKind.NULL) {
            List<Comparable<?>> values = new ArrayList<>();
            for (Range<?> range : (complemented ? sarg.rangeSet.complement() : sarg.rangeSet).asRanges()) {
                values.add(range.lowerEndpoint());
            }
            return membership(operand, values, complemented, whenNull(sarg.nullAs), type);
        }
        RexNode expanded = RexUtil.expandSearch(compilation.rexBuilder(), null, call);
        return compilation.compile(expanded);
    }

    private static ScalarEvaluator membership(ScalarEvaluator operand, List<Comparable<?>> points, boolean negate,
            Boolean whenNull, DataType type) {
        DataType operandType = operand.type();
        return switch (operandType.physical()) {
            case LONG -> new LongIn(operand, longs(points, operandType), negate, whenNull, type);
            case DOUBLE -> new DoubleIn(operand, doubles(points), negate, whenNull, type);
            case STRING -> new StringIn(operand, strings(points, operandType), negate, whenNull, type);
            case BOOLEAN -> throw new IllegalStateException("BOOLEAN searches are expanded");
        };
    }

    /** The points as sorted longs in the operand's representation; a point the operand cannot equal is dropped. */
    private static long[] longs(List<Comparable<?>> points, DataType operandType) {
        long[] out = new long[points.size()];
        int count = 0;
        for (Comparable<?> point : points) {
            if (point instanceof BigDecimal d && Casts.isScaledLong(operandType.kind())
                    && d.stripTrailingZeros().scale() > operandType.decimalScale()) {
                continue; // 2.5 can never equal an INT, nor 1.005 a DECIMAL(5, 2)
            }
            long value;
            try {
                value = Literals.fromValue(point, operandType.withNullable(true)).longValue();
            } catch (WeirException e) {
                continue; // beyond the operand's DECIMAL precision: no value of the operand equals it
            }
            out[count++] = value;
        }
        long[] sorted = Arrays.copyOf(out, count);
        Arrays.sort(sorted);
        return sorted;
    }

    private static double[] doubles(List<Comparable<?>> points) {
        double[] out = new double[points.size()];
        int i = 0;
        for (Comparable<?> point : points) {
            double v = ((Number) point).doubleValue();
            out[i++] = v == 0 ? 0.0 : v; // -0.0 equals 0.0
        }
        Arrays.sort(out);
        return out;
    }

    private static Set<String> strings(List<Comparable<?>> points, DataType operandType) {
        Set<String> out = new HashSet<>();
        for (Comparable<?> point : points) {
            out.add(Literals.fromValue(point, operandType.withNullable(true)).stringValue());
        }
        return out;
    }

    /** The result for a NULL operand: TRUE, FALSE, or null for UNKNOWN (kept apart from Calcite's enum at run time). */
    private static Boolean whenNull(RexUnknownAs nullAs) {
        return switch (nullAs) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case UNKNOWN -> null;
        };
    }

    /** Gives the rows where the operand is NULL their result. */
    private static void finish(BooleanVector out, Vector in, int n, Boolean whenNull) {
        if (!in.mayHaveNulls()) {
            return;
        }
        boolean[] o = out.values();
        for (int i = 0; i < n; i++) {
            if (in.isNull(i)) {
                if (whenNull == null) {
                    out.setNull(i);
                } else {
                    o[i] = whenNull;
                }
            }
        }
    }

    private record LongIn(ScalarEvaluator operand, long[] sorted, boolean negate, Boolean whenNull, DataType type)
            implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            LongVector in = (LongVector) operand.evaluate(input);
            long[] a = in.values();
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                o[i] = (Arrays.binarySearch(sorted, a[i]) >= 0) != negate;
            }
            finish(out, in, n, whenNull);
            return out;
        }
    }

    private record DoubleIn(ScalarEvaluator operand, double[] sorted, boolean negate, Boolean whenNull, DataType type)
            implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            DoubleVector in = (DoubleVector) operand.evaluate(input);
            double[] a = in.values();
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                double v = a[i];
                // binarySearch finds NaN (it orders like Double.compare); SQL equality never matches it.
                o[i] = (v == v && Arrays.binarySearch(sorted, v == 0 ? 0.0 : v) >= 0) != negate;
            }
            finish(out, in, n, whenNull);
            return out;
        }
    }

    private record StringIn(ScalarEvaluator operand, Set<String> values, boolean negate, Boolean whenNull, DataType type)
            implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            StringVector in = (StringVector) operand.evaluate(input);
            String[] a = in.values();
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            for (int i = 0; i < n; i++) {
                String v = a[i];
                o[i] = (v != null && values.contains(v)) != negate;
            }
            finish(out, in, n, whenNull);
            return out;
        }
    }
}
