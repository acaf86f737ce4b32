package io.weir.planner.functions;

import java.util.List;
import org.apache.calcite.sql.SqlBasicFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.fun.SqlLibraryOperators;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeTransforms;
import org.apache.calcite.sql.util.SqlOperatorTables;

/**
 * Weir's SQL function library as the validator sees it: names, operand checks and result types.
 *
 * <p>The meaning of each function (what it computes at run time) lives in the expression compiler
 * ({@code io.weir.planner.codegen}); this class only makes the names resolve with Flink's signatures.
 * Functions Flink defines differently from Calcite's library or standard of the same name are declared
 * here: DATE_FORMAT, TO_TIMESTAMP and TO_DATE with Java patterns, REGEXP_EXTRACT with a group index, LPAD,
 * RPAD and the REGEXP functions (which may return NULL), CURRENT_TIMESTAMP and LOCALTIMESTAMP with
 * millisecond precision. Library functions whose signature matches Flink's are re-used. Our table comes
 * first in the chain so that, where a name exists in both, ours is the one the validator finds first.
 */
public final class WeirFunctions {

    /** {@code SPLIT_INDEX(str, separator, index)}: the index-th (0-based) token, NULL when out of range. */
    public static final SqlFunction SPLIT_INDEX = SqlBasicFunction.create("SPLIT_INDEX",
            ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
            SqlFunctionCategory.STRING);

    /** {@code REGEXP_EXTRACT(str, regex [, extractIndex])}: group {@code extractIndex} (default 0) of the first match. */
    public static final SqlFunction REGEXP_EXTRACT = SqlBasicFunction.create("REGEXP_EXTRACT",
            ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    /**
     * {@code DATE_FORMAT(timestamp | string, format)}: the value formatted with a Java
     * {@code DateTimeFormatter} pattern such as {@code yyyy-MM-dd HH:mm:ss}; a string argument is first read
     * as a timestamp.
     */
    public static final SqlFunction DATE_FORMAT = SqlBasicFunction.create("DATE_FORMAT",
            ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.DATETIME, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.TIMESTAMP, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);

    /** {@code TO_TIMESTAMP(str [, format])}: NULL when the text does not match (default {@code yyyy-MM-dd HH:mm:ss}). */
    public static final SqlFunction TO_TIMESTAMP = SqlBasicFunction.create("TO_TIMESTAMP",
            ReturnTypes.TIMESTAMP.andThen(SqlTypeTransforms.FORCE_NULLABLE),
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);

    /** {@code TO_DATE(str [, format])}: NULL when the text does not match (default {@code yyyy-MM-dd}). */
    public static final SqlFunction TO_DATE = SqlBasicFunction.create("TO_DATE",
            ReturnTypes.DATE.andThen(SqlTypeTransforms.FORCE_NULLABLE),
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);

    /** {@code NOW()}: the query's start instant, constant for the whole query (Flink: TIMESTAMP_LTZ(3)). */
    public static final SqlFunction NOW = SqlBasicFunction.create("NOW",
                    ReturnTypes.TIMESTAMP_LTZ, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE)
            .withDynamic(true)
            .withDeterministic(false);

    /** {@code FROM_UNIXTIME(seconds [, format])}: seconds since the epoch as text, {@code yyyy-MM-dd HH:mm:ss} by default. */
    public static final SqlFunction FROM_UNIXTIME = SqlBasicFunction.create("FROM_UNIXTIME",
            ReturnTypes.VARCHAR_NULLABLE,
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
            SqlFunctionCategory.TIMEDATE);

    /**
     * {@code UNIX_TIMESTAMP()}: the query's start in epoch seconds; {@code UNIX_TIMESTAMP(str [, format])}: the
     * text read as a timestamp (default {@code yyyy-MM-dd HH:mm:ss}), in epoch seconds.
     */
    public static final SqlFunction UNIX_TIMESTAMP = SqlBasicFunction.create("UNIX_TIMESTAMP",
                    ReturnTypes.BIGINT_NULLABLE,
                    OperandTypes.or(
                            OperandTypes.NILADIC,
                            OperandTypes.family(SqlTypeFamily.CHARACTER),
                            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER)),
                    SqlFunctionCategory.TIMEDATE)
            .withDynamic(true);

    /**
     * {@code LPAD(str, len [, pad])}: NULL when {@code len} is negative or {@code pad} empty (Flink), so the
     * result is always nullable (Calcite's library LPAD claims NOT NULL).
     */
    public static final SqlFunction LPAD = pad("LPAD");

    /** {@code RPAD(str, len [, pad])}: as {@link #LPAD}, padding on the right. */
    public static final SqlFunction RPAD = pad("RPAD");

    /** {@code REGEXP(str, regex)}: TRUE when the Java regex matches part of the string; NULL for an invalid regex. */
    public static final SqlFunction REGEXP = SqlBasicFunction.create("REGEXP",
            ReturnTypes.BOOLEAN.andThen(SqlTypeTransforms.FORCE_NULLABLE),
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.STRING);

    /** {@code REGEXP_REPLACE(str, regex, replacement)}: every match replaced; NULL for an invalid regex (Flink). */
    public static final SqlFunction REGEXP_REPLACE = SqlBasicFunction.create("REGEXP_REPLACE",
            ReturnTypes.VARCHAR_FORCE_NULLABLE,
            OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
            SqlFunctionCategory.STRING);

    /** {@code SUBSTR(str, start [, length])}: Flink's (and H2's) short name for {@code SUBSTRING}, same rules. */
    public static final SqlFunction SUBSTR = SqlBasicFunction.create("SUBSTR",
            ReturnTypes.ARG0_NULLABLE_VARYING,
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    /**
     * {@code LOCATE(needle, haystack [, from])}: the 1-based position of the first {@code needle} in
     * {@code haystack} at or after {@code from} (default 1), 0 when there is none; {@code POSITION} as a function.
     */
    public static final SqlFunction LOCATE = SqlBasicFunction.create("LOCATE",
            ReturnTypes.INTEGER_NULLABLE,
            OperandTypes.or(
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER),
                    OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER)),
            SqlFunctionCategory.STRING);

    /**
     * {@code LOG(x)}: the natural logarithm; {@code LOG(base, x)}: the logarithm of {@code x} to {@code base}
     * (Flink's argument order; Calcite's library LOG takes the base second).
     */
    public static final SqlFunction LOG = SqlBasicFunction.create("LOG",
            ReturnTypes.DOUBLE_NULLABLE,
            OperandTypes.or(OperandTypes.NUMERIC, OperandTypes.NUMERIC_NUMERIC),
            SqlFunctionCategory.NUMERIC);

    /** {@code CURRENT_TIMESTAMP}: the query start as a TIMESTAMP_LTZ(3), as in Flink (Calcite: TIMESTAMP(0)). */
    public static final SqlFunction CURRENT_TIMESTAMP =
            new QueryTimeFunction("CURRENT_TIMESTAMP", SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE);

    /** {@code LOCALTIMESTAMP}: the query start as a TIMESTAMP(3) in the (UTC) session zone. */
    public static final SqlFunction LOCALTIMESTAMP = new QueryTimeFunction("LOCALTIMESTAMP", SqlTypeName.TIMESTAMP);

    /** Our own functions, which win over a library or standard function of the same name. */
    private static final List<SqlOperator> OWN = List.of(
            SPLIT_INDEX, REGEXP_EXTRACT, DATE_FORMAT, TO_TIMESTAMP, TO_DATE, NOW, FROM_UNIXTIME, UNIX_TIMESTAMP,
            CURRENT_TIMESTAMP, LOCALTIMESTAMP, LPAD, RPAD, REGEXP, REGEXP_REPLACE, SUBSTR, LOCATE,
            LOG);

    /**
     * Calcite library functions whose signature and meaning match Flink's (checked one by one; the compiler
     * implements Flink's behaviour where the two differ in detail, e.g. CONCAT_WS skips NULL arguments).
     */
    private static final List<SqlOperator> LIBRARY = List.of(
            SqlLibraryOperators.CONCAT_FUNCTION,
            SqlLibraryOperators.CONCAT_WS,
            SqlLibraryOperators.LTRIM,
            SqlLibraryOperators.RTRIM,
            SqlLibraryOperators.REPEAT,
            SqlLibraryOperators.REVERSE,
            SqlLibraryOperators.LEFT,
            SqlLibraryOperators.RIGHT,
            SqlLibraryOperators.IFNULL,
            SqlLibraryOperators.IF,
            SqlLibraryOperators.GREATEST,
            SqlLibraryOperators.LEAST,
            SqlLibraryOperators.LOG2);

    private static final SqlOperatorTable TABLE = SqlOperatorTables.chain(
            SqlOperatorTables.of(OWN),
            SqlOperatorTables.of(LIBRARY),
            SqlStdOperatorTable.instance());

    private WeirFunctions() {
    }

    private static SqlFunction pad(String name) {
        return SqlBasicFunction.create(name,
                ReturnTypes.VARCHAR_FORCE_NULLABLE,
                OperandTypes.or(
                        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER),
                        OperandTypes.family(SqlTypeFamily.CHARACTER, SqlTypeFamily.INTEGER, SqlTypeFamily.CHARACTER)),
                SqlFunctionCategory.STRING);
    }

    /** The operator table for the validator: Weir's functions, then the matching library ones, then the standard. */
    public static SqlOperatorTable operatorTable() {
        return TABLE;
    }
}
