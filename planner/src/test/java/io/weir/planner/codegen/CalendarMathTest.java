package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import org.junit.jupiter.api.Test;

/** Checks the allocation-free calendar arithmetic against java.time over several centuries of days. */
class CalendarMathTest {

    @Test
    void fieldsAgreeWithJavaTimeForEveryDayFrom1600To2400() {
        long first = LocalDate.of(1600, 1, 1).toEpochDay();
        long last = LocalDate.of(2400, 12, 31).toEpochDay();
        for (long day = first; day <= last; day++) {
            LocalDate date = LocalDate.ofEpochDay(day);
            assertThat(CalendarMath.year(day)).isEqualTo(date.getYear());
            assertThat(CalendarMath.month(day)).isEqualTo(date.getMonthValue());
            assertThat(CalendarMath.dayOfMonth(day)).isEqualTo(date.getDayOfMonth());
            assertThat(CalendarMath.dayOfYear(day)).isEqualTo(date.getDayOfYear());
            assertThat(CalendarMath.isoDayOfWeek(day)).isEqualTo(date.getDayOfWeek().getValue());
            assertThat(CalendarMath.dayOfWeek(day)).isEqualTo(date.getDayOfWeek() == DayOfWeek.SUNDAY ? 1 : date.getDayOfWeek().getValue() + 1);
            assertThat(CalendarMath.isoWeek(day)).isEqualTo(date.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            assertThat(CalendarMath.daysFromCivil(date.getYear(), date.getMonthValue(), date.getDayOfMonth())).isEqualTo(day);
        }
    }

    @Test
    void addingMonthsClampsToTheEndOfTheMonthLikeJavaTime() {
        for (LocalDate date = LocalDate.of(2023, 1, 1); date.isBefore(LocalDate.of(2025, 1, 1)); date = date.plusDays(1)) {
            for (int months = -25; months <= 25; months += 1) {
                assertThat(CalendarMath.addMonthsToDate(date.toEpochDay(), months))
                        .as("%s + %d months", date, months)
                        .isEqualTo(date.plusMonths(months).toEpochDay());
            }
        }
    }

    @Test
    void monthsBetweenCountsWholeMonths() {
        long jan31 = LocalDate.of(2024, 1, 31).toEpochDay();
        long feb29 = LocalDate.of(2024, 2, 29).toEpochDay();
        long mar30 = LocalDate.of(2024, 3, 30).toEpochDay();
        assertThat(CalendarMath.monthsBetweenDates(feb29, jan31)).isEqualTo(1);
        assertThat(CalendarMath.monthsBetweenDates(mar30, jan31)).isEqualTo(1);
        assertThat(CalendarMath.monthsBetweenDates(jan31, mar30)).isEqualTo(-1);
        LocalDate a = LocalDate.of(2020, 5, 17);
        LocalDate b = LocalDate.of(2024, 2, 3);
        assertThat(CalendarMath.monthsBetweenDates(b.toEpochDay(), a.toEpochDay())).isEqualTo(ChronoUnit.MONTHS.between(a, b));
    }
}
