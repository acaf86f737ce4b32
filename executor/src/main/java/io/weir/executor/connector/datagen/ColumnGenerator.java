package io.weir.executor.connector.datagen;

import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.DataType;
import io.weir.executor.data.DoubleVector;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;
import java.math.BigInteger;

/**
 * Fills one column of one subtask's chunks, writing straight into the typed arrays of a fresh vector.
 *
 * <p>Each generator owns two random streams (values and nulls) seeded by the reader and restarted at every row's
 * index ({@link RowRandom}), so the values of a column depend only on its seed and the row's index in the table,
 * not on chunk sizes, the other columns, the parallelism or restores. Used by one reader thread.
 */
abstract class ColumnGenerator {

    private static final long MILLIS_PER_DAY = 86_400_000L;
    private static final char[] ALPHABET = "0123456789abcdef".toCharArray();

    private final double nullRate;
    private final RowRandom nulls;

    ColumnGenerator(double nullRate, RowRandom nulls) {
        this.nullRate = nullRate;
        this.nulls = nulls;
    }

    /**
     * Writes rows {@code [0, count)} of {@code vector}.
     *
     * @param firstRow  index of row 0 in the whole table (sequences and random streams continue from it)
     * @param nowMillis the injected clock's time, for temporal values
     */
    final void fill(Vector vector, int count, long firstRow, long nowMillis) {
        fillValues(vector, count, firstRow, nowMillis);
        if (nullRate > 0) {
            for (int i = 0; i < count; i++) {
                nulls.startRow(firstRow + i);
                if (nulls.nextDouble() < nullRate) {
                    vector.setNull(i);
                }
            }
        }
    }

    abstract void fillValues(Vector vector, int count, long firstRow, long nowMillis);

    /** The generator of {@code spec}, drawing from {@code values} and {@code nulls}. */
    static ColumnGenerator create(FieldSpec spec, RowRandom values, RowRandom nulls) {
        DataType type = spec.type();
        TypeKind kind = type.kind();
        double nullRate = spec.nullRate();
        if (kind == TypeKind.NULL) {
            return new Constant(1.0, nulls);
        }
        if (spec.sequence()) {
            return new Sequence(spec, nulls);
        }
        return switch (kind) {
            case BOOLEAN -> new RandomBoolean(nullRate, nulls, values);
            case FLOAT, DOUBLE -> new RandomDouble(spec, nulls, values);
            case CHAR, VARCHAR -> new RandomString(spec, nulls, values);
            case DATE, TIME, TIMESTAMP, TIMESTAMP_LTZ -> new RandomTemporal(spec, nulls, values);
            default -> new RandomLong(spec, nulls, values);
        };
    }

    /** Every row NULL (a column of type NULL). */
    private static final class Constant extends ColumnGenerator {
        Constant(double nullRate, RowRandom nulls) {
            super(nullRate, nulls);
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            for (int i = 0; i < count; i++) {
                vector.setNull(i);
            }
        }
    }

    private static final class RandomBoolean extends ColumnGenerator {
        private final RowRandom random;

        RandomBoolean(double nullRate, RowRandom nulls, RowRandom random) {
            super(nullRate, nulls);
            this.random = random;
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            boolean[] out = ((BooleanVector) vector).values();
            for (int i = 0; i < count; i++) {
                random.startRow(firstRow + i);
                out[i] = random.nextBoolean();
            }
        }
    }

    /** Integers, intervals and DECIMAL (unscaled) uniformly in {@code [min, max]}. */
    private static final class RandomLong extends ColumnGenerator {
        private final RowRandom random;
        private final long min;
        private final long max;

        RandomLong(FieldSpec spec, RowRandom nulls, RowRandom random) {
            super(spec.nullRate(), nulls);
            this.random = random;
            this.min = spec.minLong();
            this.max = spec.maxLong();
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            long[] out = ((LongVector) vector).values();
            for (int i = 0; i < count; i++) {
                random.startRow(firstRow + i);
                out[i] = next();
            }
        }

        private long next() {
            if (max < Long.MAX_VALUE) {
                return random.nextLong(min, max + 1);
            }
            if (min > Long.MIN_VALUE) {
                return random.nextLong(min - 1, max) + 1;
            }
            return random.nextLong();
        }
    }

    private static final class RandomDouble extends ColumnGenerator {
        private final RowRandom random;
        private final double min;
        private final double max;
        private final boolean isFloat;

        RandomDouble(FieldSpec spec, RowRandom nulls, RowRandom random) {
            super(spec.nullRate(), nulls);
            this.random = random;
            this.min = spec.minDouble();
            this.max = spec.maxDouble();
            this.isFloat = spec.type().kind() == TypeKind.FLOAT;
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            double[] out = ((DoubleVector) vector).values();
            for (int i = 0; i < count; i++) {
                random.startRow(firstRow + i);
                double r = random.nextDouble();
                // Interpolating this way stays finite even when max - min overflows a double.
                double value = min * (1.0 - r) + max * r;
                out[i] = isFloat ? (float) value : value;
            }
        }
    }

    /** Strings of {@code length} random hexadecimal characters (as Flink generates them). */
    private static final class RandomString extends ColumnGenerator {
        private final RowRandom random;
        private final char[] buffer;

        RandomString(FieldSpec spec, RowRandom nulls, RowRandom random) {
            super(spec.nullRate(), nulls);
            this.random = random;
            this.buffer = new char[spec.length()];
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            String[] out = ((StringVector) vector).values();
            for (int i = 0; i < count; i++) {
                random.startRow(firstRow + i);
                for (int j = 0; j < buffer.length; j++) {
                    buffer[j] = ALPHABET[random.nextInt(ALPHABET.length)];
                }
                out[i] = new String(buffer);
            }
        }
    }

    /** A moment in {@code [now - maxPast, now]}, as a date, a time of day or a timestamp. */
    private static final class RandomTemporal extends ColumnGenerator {
        private final RowRandom random;
        private final TypeKind kind;
        private final long maxPast;

        RandomTemporal(FieldSpec spec, RowRandom nulls, RowRandom random) {
            super(spec.nullRate(), nulls);
            this.random = random;
            this.kind = spec.type().kind();
            this.maxPast = spec.maxPastMillis();
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            long[] out = ((LongVector) vector).values();
            for (int i = 0; i < count; i++) {
                random.startRow(firstRow + i);
                long millis = maxPast == 0 ? nowMillis : nowMillis - random.nextLong(maxPast + 1);
                out[i] = switch (kind) {
                    case DATE -> Math.floorDiv(millis, MILLIS_PER_DAY);
                    case TIME -> Math.floorMod(millis, MILLIS_PER_DAY);
                    default -> millis;
                };
            }
        }
    }

    /** {@code start + row}: row {@code r} of the table holds the sequence's value number {@code r}. */
    private static final class Sequence extends ColumnGenerator {
        private final TypeKind kind;
        private final long first;
        /** 10^scale for DECIMAL, so the plain sequence number becomes an unscaled value. */
        private final long unscale;

        Sequence(FieldSpec spec, RowRandom nulls) {
            super(spec.nullRate(), nulls);
            this.kind = spec.type().kind();
            this.first = spec.start();
            int scale = spec.type().decimalScale();
            // Above scale 18 only the sequence 0..0 fits the column (FieldSpec checked), so any factor will do.
            this.unscale = kind != TypeKind.DECIMAL ? 1L : scale <= 18 ? BigInteger.TEN.pow(scale).longValueExact() : 0L;
        }

        @Override
        void fillValues(Vector vector, int count, long firstRow, long nowMillis) {
            long base = first + firstRow;
            switch (vector.physicalType()) {
                case LONG -> {
                    long[] out = ((LongVector) vector).values();
                    for (int i = 0; i < count; i++) {
                        out[i] = (base + i) * unscale;
                    }
                }
                case DOUBLE -> {
                    double[] out = ((DoubleVector) vector).values();
                    for (int i = 0; i < count; i++) {
                        out[i] = base + i;
                    }
                }
                case STRING -> {
                    String[] out = ((StringVector) vector).values();
                    for (int i = 0; i < count; i++) {
                        out[i] = Long.toString(base + i);
                    }
                }
                case BOOLEAN -> throw new IllegalStateException("No sequence of BOOLEAN");
            }
        }
    }
}
