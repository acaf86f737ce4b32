package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;

/**
 * Casts between text and other types, with the text forms of {@link Values#format} and
 * {@link Values#parseInto} so that CAST, CSV and results agree. Text that does not parse is an EXECUTION
 * error naming the value.
 */
final class TextCasts {

    private TextCasts() {
    }

    static ScalarEvaluator parse(ScalarEvaluator text, DataType target) {
        return new Parse(text, target);
    }

    static ScalarEvaluator format(ScalarEvaluator value, DataType target) {
        return new Format(value, target);
    }

    private record Parse(ScalarEvaluator text, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            StringVector in = (StringVector) text.evaluate(input);
            int n = input.size();
            Vector out = Vector.allocate(type, n);
            String[] values = in.values();
            boolean integral = type.kind().isIntegral();
            for (int i = 0; i < n; i++) {
                if (in.isNull(i)) {
                    out.setNull(i);
                } else if (integral) {
                    parseIntegral(values[i], (LongVector) out, i);
                } else {
                    Values.parseInto(type, out, i, values[i]);
                }
            }
            return out;
        }

        /** Plain digits are the common case; anything else takes the general (allocating) path. */
        private void parseIntegral(String s, LongVector out, int row) {
            long v;
            try {
                v = Long.parseLong(s);
            } catch (NumberFormatException e) {
                Values.parseInto(type, out, row, s);
                return;
            }
            if (type.kind() != TypeKind.BIGINT) {
                Values.checkRange(v, type.kind());
            }
            out.set(row, v);
        }
    }

    private record Format(ScalarEvaluator value, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            Vector in = value.evaluate(input);
            DataType from = value.type();
            int n = input.size();
            StringVector out = new StringVector(n);
            for (int i = 0; i < n; i++) {
                out.set(i, Values.format(from, in, i));
            }
            return out;
        }
    }
}
