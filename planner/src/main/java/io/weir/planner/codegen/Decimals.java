package io.weir.planner.codegen;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Arithmetic on DECIMAL values kept as unscaled longs. Every operation rounds HALF_UP where digits are
 * dropped and reports overflow as an EXECUTION error; a BigDecimal is created only when an intermediate
 * result does not fit a long although the final one might.
 */
final class Decimals {

    private static final long[] POW10 = new long[19];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private Decimals() {
    }

    /** 10^n for 0 &lt;= n &lt;= 18. */
    static long pow10(int n) {
        if (n < 0 || n >= POW10.length) {
            throw overflow();
        }
        return POW10[n];
    }

    static WeirException overflow() {
        return WeirException.execution("Numeric overflow: the result does not fit the result type");
    }

    static WeirException divisionByZero() {
        return WeirException.execution("Division by zero");
    }

    /** {@code value} at scale {@code from} expressed at scale {@code to}. */
    static long rescale(long value, int from, int to) {
        if (to == from) {
            return value;
        }
        if (to > from) {
            try {
                return Math.multiplyExact(value, pow10(to - from));
            } catch (ArithmeticException e) {
                throw overflow();
            }
        }
        int drop = from - to;
        return drop >= POW10.length ? 0 : divideHalfUp(value, POW10[drop]);
    }

    /** {@code num / den} rounded half away from zero; {@code den} is not zero. */
    static long divideHalfUp(long num, long den) {
        long q = num / den;
        long r = num % den;
        if (r != 0) {
            long absR = Math.abs(r);
            long absD = Math.abs(den);
            if (absR >= absD - absR) {
                q += ((num ^ den) < 0) ? -1 : 1;
            }
        }
        return q;
    }

    /** The product of two unscaled values with {@code drop} fraction digits removed (HALF_UP). */
    static long multiply(long a, long b, int drop) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        if ((hi == 0 && lo >= 0) || (hi == -1 && lo < 0)) {
            return drop == 0 ? lo : rescale(lo, drop, 0);
        }
        if (drop == 0) {
            throw overflow();
        }
        BigDecimal exact = new BigDecimal(BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)), drop);
        return exactLong(exact.setScale(0, RoundingMode.HALF_UP));
    }

    /** {@code a / b} (scales {@code sa}, {@code sb}) at scale {@code rs}, rounded HALF_UP. */
    static long divide(long a, int sa, long b, int sb, int rs) {
        if (b == 0) {
            throw divisionByZero();
        }
        int shift = rs - sa + sb;
        if (shift >= 0 && shift < POW10.length) {
            long hi = Math.multiplyHigh(a, POW10[shift]);
            long num = a * POW10[shift];
            if ((hi == 0 && num >= 0) || (hi == -1 && num < 0)) {
                return divideHalfUp(num, b);
            }
        } else if (shift < 0 && -shift < POW10.length) {
            long hi = Math.multiplyHigh(b, POW10[-shift]);
            long den = b * POW10[-shift];
            if ((hi == 0 && den >= 0) || (hi == -1 && den < 0)) {
                return divideHalfUp(a, den);
            }
        }
        BigDecimal q = BigDecimal.valueOf(a, sa).divide(BigDecimal.valueOf(b, sb), rs, RoundingMode.HALF_UP);
        return exactLong(q.unscaledValue());
    }

    private static long exactLong(BigDecimal integral) {
        return exactLong(integral.unscaledValue());
    }

    private static long exactLong(BigInteger value) {
        if (value.bitLength() > 63) {
            throw overflow();
        }
        return value.longValue();
    }

    /** Throws when the unscaled value has more digits than the type's precision allows. */
    static long checkPrecision(long unscaled, DataType type) {
        int precision = type.precision();
        if (precision > 0 && precision < POW10.length) {
            long limit = POW10[precision];
            if (unscaled >= limit || unscaled <= -limit) {
                throw WeirException.execution("Value " + BigDecimal.valueOf(unscaled, type.decimalScale()).toPlainString()
                        + " does not fit " + type.withNullable(true).sqlName());
            }
        }
        return unscaled;
    }

    /** The decimal as a double (exact division of the unscaled value by a power of ten, rounded once or twice). */
    static double toDouble(long unscaled, int scale) {
        if (scale == 0) {
            return unscaled;
        }
        // 10^19 (the largest scale) does not fit a long, but is exact as a double.
        return unscaled / (scale < POW10.length ? (double) POW10[scale] : Math.pow(10, scale));
    }
}
