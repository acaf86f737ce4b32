package io.weir.planner.codegen;

/**
 * Proleptic Gregorian calendar arithmetic on epoch days and epoch millis, without allocating (no
 * {@code LocalDate} per row). Conversions between days and year/month/day follow Howard Hinnant's
 * {@code days_from_civil} / {@code civil_from_days} algorithms.
 */
final class CalendarMath {

    static final long MILLIS_PER_DAY = 86_400_000L;

    private CalendarMath() {
    }

    static long year(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        return yoe + era * 400 + (mp >= 10 ? 1 : 0);
    }

    /** Month of the year, 1 to 12. */
    static int month(long days) {
        long mp = (5 * dayOfMarchYear(days) + 2) / 153;
        return (int) (mp < 10 ? mp + 3 : mp - 9);
    }

    /** Day of the month, 1 to 31. */
    static int dayOfMonth(long days) {
        long doy = dayOfMarchYear(days);
        long mp = (5 * doy + 2) / 153;
        return (int) (doy - (153 * mp + 2) / 5 + 1);
    }

    /** Days since the 1st of March of the (March-based) year: the form in which months have regular lengths. */
    private static long dayOfMarchYear(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        return doe - (365 * yoe + yoe / 4 - yoe / 100);
    }

    static long daysFromCivil(long year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    static boolean isLeapYear(long year) {
        return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    }

    static int daysInMonth(long year, int month) {
        return switch (month) {
            case 2 -> isLeapYear(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Day of the week, 1 = Sunday to 7 = Saturday (SQL's DOW). 1970-01-01 was a Thursday. */
    static int dayOfWeek(long days) {
        return Math.floorMod(days + 4, 7) + 1;
    }

    /** Day of the week, 1 = Monday to 7 = Sunday (ISO). */
    static int isoDayOfWeek(long days) {
        return Math.floorMod(days + 3, 7) + 1;
    }

    /** Day of the year, 1 to 366. */
    static int dayOfYear(long days) {
        return (int) (days - daysFromCivil(year(days), 1, 1)) + 1;
    }

    /** ISO-8601 week of the year, 1 to 53 (weeks start on Monday; week 1 holds the first Thursday). */
    static int isoWeek(long days) {
        long year = year(days);
        int week = (dayOfYear(days) - isoDayOfWeek(days) + 10) / 7;
        if (week < 1) {
            return isoWeeksInYear(year - 1);
        }
        return week > isoWeeksInYear(year) ? 1 : week;
    }

    private static int isoWeeksInYear(long year) {
        int jan1 = isoDayOfWeek(daysFromCivil(year, 1, 1));
        return jan1 == 4 || (jan1 == 3 && isLeapYear(year)) ? 53 : 52;
    }

    /** The date {@code months} months later, clamped to the end of the month (Jan 31 + 1 month = Feb 28/29). */
    static long addMonthsToDate(long days, long months) {
        long total = year(days) * 12 + (month(days) - 1) + months;
        long year = Math.floorDiv(total, 12);
        int month = Math.floorMod(total, 12) + 1;
        int day = Math.min(dayOfMonth(days), daysInMonth(year, month));
        return daysFromCivil(year, month, day);
    }

    static long addMonthsToTimestamp(long millis, long months) {
        long days = Math.floorDiv(millis, MILLIS_PER_DAY);
        long timeOfDay = millis - days * MILLIS_PER_DAY;
        return addMonthsToDate(days, months) * MILLIS_PER_DAY + timeOfDay;
    }

    /** Whole months from {@code d1} to {@code d0} (negative when {@code d0} is earlier). */
    static long monthsBetweenDates(long d0, long d1) {
        if (d0 < d1) {
            return -monthsBetweenDates(d1, d0);
        }
        long months = (year(d0) * 12 + month(d0)) - (year(d1) * 12 + month(d1));
        return addMonthsToDate(d1, months) > d0 ? months - 1 : months;
    }

    /** Whole months from {@code t1} to {@code t0}, counting the time of day on the last day. */
    static long monthsBetweenTimestamps(long t0, long t1) {
        if (t0 < t1) {
            return -monthsBetweenTimestamps(t1, t0);
        }
        long d0 = Math.floorDiv(t0, MILLIS_PER_DAY);
        long d1 = Math.floorDiv(t1, MILLIS_PER_DAY);
        long months = monthsBetweenDates(d0, d1);
        if (months > 0 && addMonthsToDate(d1, months) == d0
                && Math.floorMod(t0, MILLIS_PER_DAY) < Math.floorMod(t1, MILLIS_PER_DAY)) {
            months--;
        }
        return months;
    }
}
