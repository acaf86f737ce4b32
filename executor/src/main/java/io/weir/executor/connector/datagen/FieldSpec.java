package io.weir.executor.connector.datagen;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * How datagen fills one column, read from its {@code fields.<column>.*} options and checked against the
 * column's type. Immutable.
 *
 * <p>Bounds are in the column's vector representation: {@code minLong}/{@code maxLong} for long-backed types
 * (a DECIMAL's unscaled value), {@code minDouble}/{@code maxDouble} for FLOAT and DOUBLE. For a sequence,
 * {@code start}/{@code end} are the plain (unscaled) numbers of the sequence.
 *
 * @param sequence     true for {@code kind = sequence}, false for random
 * @param length       string length of a random CHAR/VARCHAR
 * @param maxPastMillis how far before now a random DATE/TIME/TIMESTAMP may lie
 * @param nullRate     share of NULLs, in [0, 1]
 */
record FieldSpec(String column, DataType type, boolean sequence, long minLong, long maxLong, double minDouble,
        double maxDouble, int length, long maxPastMillis, long start, long end, double nullRate) {

    static final String KIND = "kind";
    static final String MIN = "min";
    static final String MAX = "max";
    static final String MAX_PAST = "max-past";
    static final String LENGTH = "length";
    static final String START = "start";
    static final String END = "end";
    static final String NULL_RATE = "null-rate";

    /** Flink's default length of a random string. */
    private static final int DEFAULT_STRING_LENGTH = 100;

    /** Rows of this column's sequence ({@code end - start + 1}, capped at Long.MAX_VALUE); unlimited when random. */
    long sequenceLength() {
        if (!sequence) {
            return Long.MAX_VALUE;
        }
        long span = end - start;
        return span < 0 || span == Long.MAX_VALUE ? Long.MAX_VALUE : span + 1;
    }

    static FieldSpec parse(OptionReader options, String column, DataType type) {
        Parser p = new Parser(options, column, type);
        boolean sequence = options.choice(p.key(KIND), "random", "random", "sequence").equals("sequence");
        double nullRate = options.getDouble(p.key(NULL_RATE), 0.0);
        if (!(nullRate >= 0.0 && nullRate <= 1.0)) {
            throw WeirException.validation("Option '" + p.key(NULL_RATE) + "' must be between 0 and 1, got '"
                    + options.get(p.key(NULL_RATE)) + "'");
        }
        return sequence ? p.sequence(nullRate) : p.random(nullRate);
    }

    /** Reads and checks the options of one column. */
    private static final class Parser {
        private final OptionReader options;
        private final String column;
        private final DataType type;
        private final TypeKind kind;

        Parser(OptionReader options, String column, DataType type) {
            this.options = options;
            this.column = column;
            this.type = type;
            this.kind = type.kind();
        }

        String key(String suffix) {
            return ConnectorOptions.fieldKey(column, suffix);
        }

        FieldSpec sequence(double nullRate) {
            rejectAll("sequence", MIN, MAX, MAX_PAST, LENGTH);
            if (kind == TypeKind.BOOLEAN || kind.isTemporal() || kind == TypeKind.NULL) {
                throw WeirException.validation("Kind 'sequence' is not supported for column '" + column + "' of type "
                        + typeName() + "; use 'random'");
            }
            long start = sequenceBound(START);
            long end = sequenceBound(END);
            if (end < start) {
                throw WeirException.validation("Option '" + key(END) + "' (" + end + ") must not be less than '"
                        + key(START) + "' (" + start + ")");
            }
            return new FieldSpec(column, type, true, 0, 0, 0, 0, 0, 0, start, end, nullRate);
        }

        private long sequenceBound(String suffix) {
            String key = key(suffix);
            if (!options.has(key)) {
                throw WeirException.validation("Missing required option '" + key + "' for kind 'sequence' of column '"
                        + column + "'");
            }
            long value = options.getLong(key, 0);
            if (kind == TypeKind.DECIMAL) {
                toUnscaled(BigDecimal.valueOf(value), key);
            } else if (kind.isIntegral()) {
                checkIntegralRange(value, key);
            }
            return value;
        }

        FieldSpec random(double nullRate) {
            rejectAll("random", START, END);
            boolean numeric = kind.isNumeric() || isInterval();
            if (!numeric) {
                rejectAll("a column of type " + typeName(), MIN, MAX);
            }
            if (!kind.isTemporal()) {
                rejectAll("a column of type " + typeName(), MAX_PAST);
            }
            if (!kind.isCharacter()) {
                rejectAll("a column of type " + typeName(), LENGTH);
            }
            long minLong = 0;
            long maxLong = 0;
            double minDouble = 0;
            double maxDouble = 0;
            if (kind == TypeKind.FLOAT || kind == TypeKind.DOUBLE) {
                // Flink's defaults: the type's smallest positive value up to its largest.
                double typeMax = kind == TypeKind.FLOAT ? Float.MAX_VALUE : Double.MAX_VALUE;
                minDouble = options.getDouble(key(MIN), 0.0);
                maxDouble = options.getDouble(key(MAX), typeMax);
                if (minDouble > maxDouble) {
                    throw minAboveMax();
                }
            } else if (numeric) {
                minLong = longBound(MIN, defaultMin());
                maxLong = longBound(MAX, defaultMax());
                if (minLong > maxLong) {
                    throw minAboveMax();
                }
            }
            long maxPast = options.getDurationMillis(key(MAX_PAST), 0);
            return new FieldSpec(column, type, false, minLong, maxLong, minDouble, maxDouble, stringLength(), maxPast,
                    0, 0, nullRate);
        }

        private long longBound(String suffix, long defaultValue) {
            String key = key(suffix);
            BigDecimal value = options.getNumber(key);
            if (value == null) {
                return defaultValue;
            }
            if (kind == TypeKind.DECIMAL) {
                return toUnscaled(value, key);
            }
            long whole;
            try {
                whole = value.longValueExact();
            } catch (ArithmeticException e) {
                throw WeirException.validation("Option '" + key + "' must be a whole number for column '" + column
                        + "' of type " + typeName() + ", got '" + options.get(key) + "'");
            }
            if (kind.isIntegral()) {
                checkIntegralRange(whole, key);
            }
            return whole;
        }

        private long toUnscaled(BigDecimal value, String key) {
            BigDecimal scaled = value.setScale(type.decimalScale(), java.math.RoundingMode.HALF_UP);
            BigInteger unscaled = scaled.unscaledValue();
            if (unscaled.abs().compareTo(BigInteger.valueOf(maxUnscaled())) > 0) {
                throw WeirException.validation("Option '" + key + "' (" + options.get(key) + ") does not fit column '"
                        + column + "' of type " + typeName());
            }
            return unscaled.longValue();
        }

        private void checkIntegralRange(long value, String key) {
            if (value < integralMin() || value > integralMax()) {
                throw WeirException.validation("Option '" + key + "' (" + value + ") is out of range for column '"
                        + column + "' of type " + typeName());
            }
        }

        private long defaultMin() {
            if (kind == TypeKind.DECIMAL) {
                return -maxUnscaled();
            }
            return isInterval() ? 0 : integralMin();
        }

        private long defaultMax() {
            return switch (kind) {
                case DECIMAL -> maxUnscaled();
                // A day, or ten years: intervals of a sensible size rather than the full range of a long.
                case INTERVAL_DAY_TIME -> 86_400_000L;
                case INTERVAL_YEAR_MONTH -> 120L;
                default -> integralMax();
            };
        }

        /** The largest unscaled value of the DECIMAL column: 10^precision - 1, capped at what a long holds. */
        private long maxUnscaled() {
            int precision = type.precision() > 0 ? type.precision() : DataType.MAX_DECIMAL_PRECISION;
            return precision >= 19 ? Long.MAX_VALUE : BigInteger.TEN.pow(precision).longValueExact() - 1;
        }

        private long integralMin() {
            return switch (kind) {
                case TINYINT -> Byte.MIN_VALUE;
                case SMALLINT -> Short.MIN_VALUE;
                case INTEGER -> Integer.MIN_VALUE;
                default -> Long.MIN_VALUE;
            };
        }

        private long integralMax() {
            return switch (kind) {
                case TINYINT -> Byte.MAX_VALUE;
                case SMALLINT -> Short.MAX_VALUE;
                case INTEGER -> Integer.MAX_VALUE;
                default -> Long.MAX_VALUE;
            };
        }

        private int stringLength() {
            if (!kind.isCharacter()) {
                return 0;
            }
            int declared = type.precision() > 0 ? type.precision() : DataType.MAX_LENGTH;
            if (kind == TypeKind.CHAR && !options.has(key(LENGTH))) {
                return declared;
            }
            long length = options.getLong(key(LENGTH), Math.min(DEFAULT_STRING_LENGTH, declared));
            if (length < 0 || length > declared) {
                throw WeirException.validation("Option '" + key(LENGTH) + "' (" + length + ") must be between 0 and "
                        + "the length of column '" + column + "' of type " + typeName());
            }
            return (int) length;
        }

        private boolean isInterval() {
            return kind == TypeKind.INTERVAL_DAY_TIME || kind == TypeKind.INTERVAL_YEAR_MONTH;
        }

        private void rejectAll(String context, String... suffixes) {
            for (String suffix : suffixes) {
                if (options.has(key(suffix))) {
                    String where = context.equals("random") || context.equals("sequence")
                            ? "kind '" + context + "'" : context;
                    throw WeirException.validation("Option '" + key(suffix) + "' does not apply to " + where
                            + " (column '" + column + "')");
                }
            }
        }

        private WeirException minAboveMax() {
            return WeirException.validation("Option '" + key(MIN) + "' must not be greater than '" + key(MAX) + "'");
        }

        private String typeName() {
            return type.withNullable(true).sqlName();
        }
    }
}
