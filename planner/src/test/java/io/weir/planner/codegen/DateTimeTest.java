package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DateTimeTest {

    private static LocalDateTime ts(String text) {
        return LocalDateTime.parse(text);
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    /** 2024-03-10 is a Sunday; 2021-01-01 is a Friday in ISO week 53 of 2020. */
    private static ExpressionFixture timestamps() {
        return ExpressionFixture.columns("ts TIMESTAMP(3), d DATE")
                .row(ts("2024-03-10T10:20:30.123"), date("2024-03-10"))
                .row(ts("2021-01-01T00:00:00"), date("2021-01-01"))
                .row(ts("1969-12-31T23:59:59.999"), date("1969-12-31"))
                .row(null, null);
    }

    @Test
    void extractFieldsOfTimestamps() {
        ExpressionFixture f = timestamps();
        assertThat(f.eval("EXTRACT(YEAR FROM ts)")).containsExactly(2024L, 2021L, 1969L, null);
        assertThat(f.eval("EXTRACT(QUARTER FROM ts)")).containsExactly(1L, 1L, 4L, null);
        assertThat(f.eval("EXTRACT(MONTH FROM ts)")).containsExactly(3L, 1L, 12L, null);
        assertThat(f.eval("EXTRACT(WEEK FROM ts)")).containsExactly(10L, 53L, 1L, null);
        assertThat(f.eval("EXTRACT(DAY FROM ts)")).containsExactly(10L, 1L, 31L, null);
        assertThat(f.eval("EXTRACT(DOW FROM ts)")).containsExactly(1L, 6L, 4L, null);
        assertThat(f.eval("EXTRACT(DOY FROM ts)")).containsExactly(70L, 1L, 365L, null);
        assertThat(f.eval("EXTRACT(HOUR FROM ts)")).containsExactly(10L, 0L, 23L, null);
        assertThat(f.eval("EXTRACT(MINUTE FROM ts)")).containsExactly(20L, 0L, 59L, null);
        assertThat(f.eval("EXTRACT(SECOND FROM ts)")).containsExactly(30L, 0L, 59L, null);
        assertThat(f.eval("EXTRACT(MILLISECOND FROM ts)")).containsExactly(30_123L, 0L, 59_999L, null);
        assertThat(f.eval("YEAR(ts)")).containsExactly(2024L, 2021L, 1969L, null);
        assertThat(f.eval("HOUR(ts)")).containsExactly(10L, 0L, 23L, null);
        assertThat(f.eval("DAYOFWEEK(ts)")).containsExactly(1L, 6L, 4L, null);
    }

    @Test
    void extractFieldsOfDatesTimesAndIntervals() {
        ExpressionFixture f = timestamps();
        assertThat(f.eval("EXTRACT(YEAR FROM d)")).containsExactly(2024L, 2021L, 1969L, null);
        assertThat(f.eval("MONTH(d)")).containsExactly(3L, 1L, 12L, null);
        assertThat(f.eval("EXTRACT(DOW FROM d)")).containsExactly(1L, 6L, 4L, null);
        ExpressionFixture t = ExpressionFixture.columns("t TIME").row(LocalTime.parse("13:14:15"));
        assertThat(t.eval("EXTRACT(HOUR FROM t)")).containsExactly(13L);
        assertThat(t.eval("EXTRACT(SECOND FROM t)")).containsExactly(15L);
        assertThat(ExpressionFixture.value("EXTRACT(DAY FROM INTERVAL '3 4' DAY TO HOUR)")).isEqualTo(3L);
        assertThat(ExpressionFixture.value("EXTRACT(HOUR FROM INTERVAL '3 4' DAY TO HOUR)")).isEqualTo(4L);
        assertThat(ExpressionFixture.value("EXTRACT(MONTH FROM INTERVAL '2-5' YEAR TO MONTH)")).isEqualTo(5L);
        assertThat(ExpressionFixture.value("EXTRACT(YEAR FROM INTERVAL '2-5' YEAR TO MONTH)")).isEqualTo(2L);
    }

    @Test
    void floorAndCeilOfTimestampsToEveryUnit() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3)")
                .row(ts("2024-03-10T10:20:30.123")).row(ts("2024-04-01T00:00:00")).row((Object) null);
        assertThat(f.eval("FLOOR(ts TO SECOND)")).containsExactly(ts("2024-03-10T10:20:30"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO MINUTE)")).containsExactly(ts("2024-03-10T10:20:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO HOUR)")).containsExactly(ts("2024-03-10T10:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO DAY)")).containsExactly(ts("2024-03-10T00:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO WEEK)")).containsExactly(ts("2024-03-10T00:00:00"), ts("2024-03-31T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO MONTH)")).containsExactly(ts("2024-03-01T00:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO QUARTER)")).containsExactly(ts("2024-01-01T00:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("FLOOR(ts TO YEAR)")).containsExactly(ts("2024-01-01T00:00:00"), ts("2024-01-01T00:00:00"), null);
        assertThat(f.eval("CEIL(ts TO HOUR)")).containsExactly(ts("2024-03-10T11:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("CEIL(ts TO MONTH)")).containsExactly(ts("2024-04-01T00:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("CEIL(ts TO QUARTER)")).containsExactly(ts("2024-04-01T00:00:00"), ts("2024-04-01T00:00:00"), null);
        assertThat(f.eval("CEIL(ts TO YEAR)")).containsExactly(ts("2025-01-01T00:00:00"), ts("2025-01-01T00:00:00"), null);
    }

    @Test
    void floorOfTimestampsBeforeTheEpochRoundsDown() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3)").row(ts("1969-12-31T23:59:59.999"));
        assertThat(f.eval("FLOOR(ts TO SECOND)")).containsExactly(ts("1969-12-31T23:59:59"));
        assertThat(f.eval("FLOOR(ts TO DAY)")).containsExactly(ts("1969-12-31T00:00:00"));
        assertThat(f.eval("CEIL(ts TO DAY)")).containsExactly(ts("1970-01-01T00:00:00"));
    }

    @Test
    void floorAndCeilOfDates() {
        ExpressionFixture f = ExpressionFixture.columns("d DATE").row(date("2024-02-15")).row(date("2024-01-01"));
        assertThat(f.eval("FLOOR(d TO MONTH)")).containsExactly(date("2024-02-01"), date("2024-01-01"));
        assertThat(f.eval("CEIL(d TO MONTH)")).containsExactly(date("2024-03-01"), date("2024-01-01"));
        assertThat(f.eval("FLOOR(d TO YEAR)")).containsExactly(date("2024-01-01"), date("2024-01-01"));
    }

    @Test
    void addingYearMonthIntervalsClampsAtMonthEnds() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3), d DATE")
                .row(ts("2024-01-31T12:00:00"), date("2024-01-31"))
                .row(ts("2024-02-29T08:00:00"), date("2024-02-29"))
                .row(null, null);
        assertThat(f.eval("ts + INTERVAL '1' MONTH")).containsExactly(ts("2024-02-29T12:00:00"), ts("2024-03-29T08:00:00"), null);
        assertThat(f.eval("d + INTERVAL '1' MONTH")).containsExactly(date("2024-02-29"), date("2024-03-29"), null);
        assertThat(f.eval("d + INTERVAL '1' YEAR")).containsExactly(date("2025-01-31"), date("2025-02-28"), null);
        assertThat(f.eval("d - INTERVAL '1-1' YEAR TO MONTH")).containsExactly(date("2022-12-31"), date("2023-01-29"), null);
        assertThat(f.eval("ts - INTERVAL '3' MONTH")).containsExactly(ts("2023-10-31T12:00:00"), ts("2023-11-29T08:00:00"), null);
    }

    @Test
    void addingDayTimeIntervals() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3), d DATE, t TIME")
                .row(ts("2024-02-28T23:30:00"), date("2024-02-28"), LocalTime.parse("23:30:00"));
        assertThat(f.eval("ts + INTERVAL '1' HOUR")).containsExactly(ts("2024-02-29T00:30:00"));
        assertThat(f.eval("ts + INTERVAL '1 01:00:00' DAY TO SECOND")).containsExactly(ts("2024-03-01T00:30:00"));
        assertThat(f.eval("ts - INTERVAL '0.5' SECOND")).containsExactly(ts("2024-02-28T23:29:59.500"));
        assertThat(f.eval("INTERVAL '2' DAY + d")).containsExactly(date("2024-03-01"));
        assertThat(f.eval("t + INTERVAL '1' HOUR")).containsExactly(LocalTime.parse("00:30:00"));
    }

    @Test
    void differencesOfDatetimesAndIntervalScaling() {
        ExpressionFixture f = ExpressionFixture.columns("a TIMESTAMP(3), b TIMESTAMP(3), d DATE, e DATE, n INT")
                .row(ts("2024-03-01T00:00:00"), ts("2024-02-28T12:00:00"), date("2024-03-31"), date("2024-01-31"), 3);
        assertThat(f.eval("(a - b) HOUR")).containsExactly(36L * 3_600_000L);
        assertThat(f.eval("(d - e) MONTH")).containsExactly(2L);
        assertThat(f.eval("(e - d) MONTH")).containsExactly(-2L);
        assertThat(f.eval("(d - e) DAY")).containsExactly(60L * 86_400_000L);
        assertThat(f.eval("INTERVAL '1' HOUR * n")).containsExactly(3L * 3_600_000L);
        assertThat(f.eval("n * INTERVAL '2' MONTH")).containsExactly(6L);
        assertThat(f.eval("a + n * INTERVAL '1' DAY")).containsExactly(ts("2024-03-04T00:00:00"));
    }

    @Test
    void timestampAddAndDiff() {
        ExpressionFixture f = ExpressionFixture.columns("a TIMESTAMP(3), b TIMESTAMP(3), d DATE, n INT")
                .row(ts("2024-01-31T10:00:00"), ts("2024-03-01T09:00:00"), date("2024-01-31"), 2)
                .row(null, ts("2024-03-01T09:00:00"), null, null);
        assertThat(f.eval("TIMESTAMPADD(MONTH, 1, a)")).containsExactly(ts("2024-02-29T10:00:00"), null);
        assertThat(f.eval("TIMESTAMPADD(DAY, n, d)")).containsExactly(date("2024-02-02"), null);
        assertThat(f.eval("TIMESTAMPADD(SECOND, n, a)")).containsExactly(ts("2024-01-31T10:00:02"), null);
        assertThat(f.eval("TIMESTAMPDIFF(DAY, a, b)")).containsExactly(29L, null);
        assertThat(f.eval("TIMESTAMPDIFF(HOUR, a, b)")).containsExactly(719L, null);
        assertThat(f.eval("TIMESTAMPDIFF(MONTH, a, b)")).containsExactly(1L, null);
        assertThat(f.eval("TIMESTAMPDIFF(WEEK, a, b)")).containsExactly(4L, null);
        assertThat(f.eval("TIMESTAMPDIFF(SECOND, b, a)")).containsExactly(-2_588_400L, null);
    }

    @Test
    void clockFunctionsAreTheQueryStart() {
        // QUERY_START = 2023-11-14T22:13:20.123Z
        assertThat(ExpressionFixture.value("CURRENT_TIMESTAMP")).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        assertThat(ExpressionFixture.value("NOW()")).isEqualTo(Instant.parse("2023-11-14T22:13:20.123Z"));
        assertThat(ExpressionFixture.value("LOCALTIMESTAMP")).isEqualTo(ts("2023-11-14T22:13:20.123"));
        assertThat(ExpressionFixture.value("CURRENT_DATE")).isEqualTo(date("2023-11-14"));
        assertThat(ExpressionFixture.value("CURRENT_TIME")).isEqualTo(LocalTime.parse("22:13:20"));
        assertThat(ExpressionFixture.value("UNIX_TIMESTAMP()")).isEqualTo(1_700_000_000L);
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3)")
                .row(ts("2023-11-14T22:00:00")).row(ts("2023-11-14T21:00:00"));
        assertThat(f.eval("ts > CURRENT_TIMESTAMP - INTERVAL '1' HOUR")).containsExactly(true, false);
        assertThat(f.eval("ts > NOW() - INTERVAL '1' HOUR")).containsExactly(true, false);
    }

    @Test
    void dateFormatOfRowsInTheSameDayOrMinuteFormatsOnceButFollowsEveryChange() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3)")
                .row(ts("2024-03-10T23:59:59.999")).row(ts("2024-03-11T00:00:00")).row(ts("2024-03-11T00:00:59"))
                .row(null).row(ts("2024-03-10T12:00:00")).row(ts("1969-12-31T23:59:00")).row(ts("1970-01-01T00:00"));
        assertThat(f.eval("DATE_FORMAT(ts, 'yyyy-MM-dd')")).containsExactly("2024-03-10", "2024-03-11",
                "2024-03-11", null, "2024-03-10", "1969-12-31", "1970-01-01");
        assertThat(f.eval("DATE_FORMAT(ts, 'HH:mm')")).containsExactly("23:59", "00:00", "00:00", null, "12:00",
                "23:59", "00:00");
        assertThat(f.eval("DATE_FORMAT(ts, 'ss ''o''''clock''')")).containsExactly("59 o'clock", "00 o'clock",
                "59 o'clock", null, "00 o'clock", "00 o'clock", "00 o'clock");
        assertThat(DateTimeFormats.unitMillis("yyyy-MM-dd")).isEqualTo(86_400_000L);
        assertThat(DateTimeFormats.unitMillis("HH:mm 'day'")).isEqualTo(60_000L);
        assertThat(DateTimeFormats.unitMillis("yyyy-MM-dd HH:mm:ss.SSS")).isEqualTo(1L);
        assertThat(DateTimeFormats.unitMillis("yyyy-MM-dd VV")).as("a field it does not know").isZero();
    }

    @Test
    void dateFormatUsesJavaPatternsAndAcceptsText() {
        ExpressionFixture f = ExpressionFixture.columns("ts TIMESTAMP(3), s VARCHAR, d DATE")
                .row(ts("2024-03-10T10:20:30.123"), "2024-03-10 10:20:30", date("2024-03-10"))
                .row(null, "not a time", null);
        assertThat(f.eval("DATE_FORMAT(ts, 'yyyy-MM-dd HH:mm:ss')")).containsExactly("2024-03-10 10:20:30", null);
        assertThat(f.eval("DATE_FORMAT(ts, 'yyyyMMdd HH:mm:ss.SSS')")).containsExactly("20240310 10:20:30.123", null);
        assertThat(f.eval("DATE_FORMAT(s, 'MM/dd/yyyy')")).containsExactly("03/10/2024", null);
        assertThat(f.eval("DATE_FORMAT(d, 'dd.MM.yy')")).containsExactly("10.03.24", null);
        assertThatThrownBy(() -> f.compile("DATE_FORMAT(ts, 'yyyy-bogus-{')"))
                .isInstanceOf(WeirException.class)
                .satisfies(e -> assertThat(((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION));
    }

    @Test
    void toTimestampAndToDateReturnNullForTextThatDoesNotMatch() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR")
                .row("2024-03-10 10:20:30").row("10/03/2024").row("garbage").row((Object) null);
        assertThat(f.eval("TO_TIMESTAMP(s)")).containsExactly(ts("2024-03-10T10:20:30"), null, null, null);
        assertThat(f.eval("TO_TIMESTAMP(s, 'dd/MM/yyyy')")).containsExactly(null, ts("2024-03-10T00:00:00"), null, null);
        assertThat(f.eval("TO_DATE(s, 'dd/MM/yyyy')")).containsExactly(null, date("2024-03-10"), null, null);
        assertThat(ExpressionFixture.value("TO_DATE('2024-02-29')")).isEqualTo(date("2024-02-29"));
        assertThat(ExpressionFixture.value("UNIX_TIMESTAMP('1970-01-02 00:00:00')")).isEqualTo(86_400L);
        assertThat(ExpressionFixture.value("FROM_UNIXTIME(86400)")).isEqualTo("1970-01-02 00:00:00");
        assertThat(ExpressionFixture.value("FROM_UNIXTIME(0, 'yyyy')")).isEqualTo("1970");
    }

    @Test
    void localZoneTimestampsHaveUtcFields() {
        ExpressionFixture f = ExpressionFixture.columns("l TIMESTAMP(3) WITH LOCAL TIME ZONE").row(Instant.parse("2024-03-10T23:30:00Z"));
        assertThat(f.eval("EXTRACT(HOUR FROM l)")).containsExactly(23L);
        assertThat(f.eval("FLOOR(l TO DAY)")).containsExactly(Instant.parse("2024-03-10T00:00:00Z"));
        assertThat(f.eval("DATE_FORMAT(l, 'yyyy-MM-dd HH:mm')")).containsExactly("2024-03-10 23:30");
    }
}
