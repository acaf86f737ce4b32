package io.weir.differential;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;

/**
 * Seeded random SQL literals for the generated tables. Every method may answer {@code NULL} with the given
 * percentage, so NULLs land in every column. Doubles are multiples of a power of two, so that they, their sums
 * and their comparisons are exact in both databases whatever the order of summation.
 */
final class RowGenerator {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final Random random;

    RowGenerator(long seed) {
        this.random = new Random(seed);
    }

    boolean percent(int percent) {
        return random.nextInt(100) < percent;
    }

    int between(int low, int high) {
        return low + random.nextInt(high - low + 1);
    }

    <T> T pick(List<T> choices) {
        return choices.get(random.nextInt(choices.size()));
    }

    String integer(int nullPercent, int low, int high) {
        return percent(nullPercent) ? "NULL" : Integer.toString(between(low, high));
    }

    String bigint(int nullPercent, long bound) {
        if (percent(nullPercent)) {
            return "NULL";
        }
        long magnitude = Math.floorMod(random.nextLong(), bound);
        return Long.toString(percent(20) ? -magnitude : magnitude);
    }

    /** A DECIMAL literal with {@code scale} digits after the point, between {@code low} and {@code high}. */
    String decimal(int nullPercent, long low, long high, int scale) {
        if (percent(nullPercent)) {
            return "NULL";
        }
        long unscaled = low * pow10(scale) + Math.floorMod(random.nextLong(), (high - low) * pow10(scale) + 1);
        return BigDecimal.valueOf(unscaled, scale).toPlainString();
    }

    /** A DOUBLE literal that is a multiple of {@code 1 / 2^fractionBits} between {@code low} and {@code high}. */
    String dyadic(int nullPercent, int low, int high, int fractionBits) {
        if (percent(nullPercent)) {
            return "NULL";
        }
        int steps = 1 << fractionBits;
        double value = low + (double) random.nextInt((high - low) * steps + 1) / steps;
        return BigDecimal.valueOf(value).toPlainString() + "E0";
    }

    String bool(int nullPercent, int truePercent) {
        if (percent(nullPercent)) {
            return "NULL";
        }
        return percent(truePercent) ? "TRUE" : "FALSE";
    }

    String date(int nullPercent, LocalDate from, int days) {
        return percent(nullPercent) ? "NULL" : "DATE '" + from.plusDays(random.nextInt(days)) + "'";
    }

    /** A TIMESTAMP(3) literal within {@code days} days of {@code from}; a fifth of them fall on a whole minute. */
    String timestamp(int nullPercent, LocalDateTime from, int days) {
        if (percent(nullPercent)) {
            return "NULL";
        }
        long millis = Math.floorMod(random.nextLong(), days * 86_400_000L);
        if (percent(20)) {
            millis -= millis % 60_000;
        }
        return "TIMESTAMP '" + TIMESTAMP.format(from.plusNanos(millis * 1_000_000)) + "'";
    }

    String string(int nullPercent, List<String> choices) {
        return percent(nullPercent) ? "NULL" : quote(pick(choices));
    }

    static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static long pow10(int scale) {
        long result = 1;
        for (int i = 0; i < scale; i++) {
            result *= 10;
        }
        return result;
    }
}
