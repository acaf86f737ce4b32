package io.weir.executor.operators.aggregate;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Turns the sums of SUM and AVG (a long at the argument's decimal scale, or a double) into a value of the
 * call's result type. Runs once per group when results are emitted, never per input row.
 */
final class NumericResults {

    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private NumericResults() {
    }

    /** Writes {@code unscaled} (at scale {@code scale}) into {@code out[row]} as a value of {@code type}. */
    static void writeLong(long unscaled, int scale, DataType type, Vector out, int row, String function) {
        if (out instanceof DoubleVector doubles) {
            doubles.set(row, toDouble(unscaled, scale));
            return;
        }
        long value = rescale(unscaled, scale, type.decimalScale(), function);
        if (type.kind().isIntegral()) {
            checkIntegralRange(value, type.kind(), function);
        }
        ((LongVector) out).set(row, value);
    }

    /** Writes {@code value} into {@code out[row]} as a value of {@code type}. */
    static void writeDouble(double value, DataType type, Vector out, int row, String function) {
        if (out instanceof DoubleVector doubles) {
            doubles.set(row, value);
        } else if (type.kind() == TypeKind.DECIMAL) {
            if (!Double.isFinite(value)) {
                throw overflow(function);
            }
            ((LongVector) out).set(row, Values.toUnscaled(BigDecimal.valueOf(value), type));
        } else {
            ((LongVector) out).set(row, (long) value);
        }
    }

    /**
     * Writes {@code sum / count} (sum at scale {@code scale}) as a value of {@code type}: integral results
     * truncate (as Flink's AVG does), DECIMAL results round half up to the result scale, floating results divide
     * in double.
     */
    static void writeAverage(long sum, int scale, long count, DataType type, Vector out, int row) {
        if (out instanceof DoubleVector doubles) {
            doubles.set(row, toDouble(sum, scale) / count);
            return;
        }
        long value;
        if (type.kind() == TypeKind.DECIMAL) {
            value = roundedQuotient(sum, scale, count, type.decimalScale());
        } else if (scale == 0) {
            value = sum / count;
        } else {
            value = BigDecimal.valueOf(sum, scale).divide(BigDecimal.valueOf(count), 0, RoundingMode.DOWN)
                    .longValue();
        }
        ((LongVector) out).set(row, value);
    }

    /** {@code (sum at scale) / count} rounded half up at {@code resultScale}, as an unscaled long. */
    private static long roundedQuotient(long sum, int scale, long count, int resultScale) {
        int shift = resultScale - scale;
        if (shift >= 0 && shift < POWERS_OF_TEN.length) {
            long high = Math.multiplyHigh(sum, POWERS_OF_TEN[shift]);
            long dividend = sum * POWERS_OF_TEN[shift];
            if ((high == 0 && dividend >= 0) || (high == -1 && dividend < 0)) {
                long quotient = dividend / count;
                long remainder = Math.abs(dividend % count);
                // Half up, away from zero; compared as r >= count - r so that 2 * r cannot overflow.
                if (remainder >= count - remainder) {
                    quotient += dividend < 0 ? -1 : 1;
                }
                return quotient;
            }
        }
        return BigDecimal.valueOf(sum, scale)
                .divide(BigDecimal.valueOf(count), resultScale, RoundingMode.HALF_UP)
                .unscaledValue().longValueExact();
    }

    static double toDouble(long unscaled, int scale) {
        return scale == 0 ? unscaled : unscaled / (double) POWERS_OF_TEN[scale];
    }

    /** {@code unscaled} moved from scale {@code from} to scale {@code to} (rounding half up when it shrinks). */
    static long rescale(long unscaled, int from, int to, String function) {
        if (from == to) {
            return unscaled;
        }
        if (to > from) {
            int shift = to - from;
            if (shift >= POWERS_OF_TEN.length) {
                if (unscaled == 0) {
                    return 0;
                }
                throw overflow(function);
            }
            try {
                return Math.multiplyExact(unscaled, POWERS_OF_TEN[shift]);
            } catch (ArithmeticException e) {
                throw overflow(function);
            }
        }
        return BigDecimal.valueOf(unscaled, from).setScale(to, RoundingMode.HALF_UP).unscaledValue().longValue();
    }

    private static void checkIntegralRange(long value, TypeKind kind, String function) {
        boolean ok = switch (kind) {
            case TINYINT -> value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE;
            case SMALLINT -> value >= Short.MIN_VALUE && value <= Short.MAX_VALUE;
            case INTEGER -> value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE;
            default -> true;
        };
        if (!ok) {
            throw overflow(function);
        }
    }

    static WeirException overflow(String function) {
        return WeirException.execution("Numeric overflow in " + function);
    }
}
