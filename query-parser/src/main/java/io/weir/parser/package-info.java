/**
 * Weir's SQL parser: Calcite's grammar (queries, INSERT, window table functions) extended with
 * Flink's DDL and utility statements. {@link io.weir.parser.WeirSqlParser} is the entry point.
 *
 * <p>What each statement parses to:
 *
 * <ul>
 *   <li>queries (SELECT, VALUES, WITH, set operations, ORDER BY / LIMIT / OFFSET / FETCH):
 *       Calcite's nodes ({@code SqlSelect}, {@code SqlOrderBy}, ...);
 *   <li>{@code INSERT INTO t [(columns)] query}: Calcite's {@code SqlInsert};
 *   <li>{@code CREATE TABLE}: {@link io.weir.parser.ddl.SqlCreateTable};
 *   <li>{@code CREATE [OR REPLACE] VIEW}: {@link io.weir.parser.ddl.SqlCreateView};
 *   <li>{@code DROP TABLE}, {@code DROP VIEW}: {@link io.weir.parser.ddl.SqlDropTable},
 *       {@link io.weir.parser.ddl.SqlDropView};
 *   <li>{@code SHOW TABLES}, {@code SHOW VIEWS}: {@link io.weir.parser.ddl.SqlShowTables},
 *       {@link io.weir.parser.ddl.SqlShowViews};
 *   <li>{@code DESCRIBE [TABLE] name}, {@code DESC name}:
 *       {@link io.weir.parser.ddl.SqlDescribeTable};
 *   <li>{@code EXPLAIN statement}, {@code EXPLAIN PLAN FOR statement}:
 *       {@link io.weir.parser.ddl.SqlExplainStatement}; EXPLAIN PLAN with options stays
 *       Calcite's {@code SqlExplain};
 *   <li>{@code SET ['key' = 'value']}: {@link io.weir.parser.ddl.SqlSetProperty};
 *       {@code RESET ['key']}: {@link io.weir.parser.ddl.SqlResetProperty}; Calcite's
 *       {@code SET name = value} and {@code RESET name | ALL} with unquoted names stay
 *       Calcite's {@code SqlSetOption}.
 * </ul>
 *
 * <p>Flink's type names in column definitions and casts: {@code STRING} and {@code BYTES} are
 * {@code SqlAlienSystemTypeNameSpec}s of VARCHAR and VARBINARY without precision;
 * {@code TIMESTAMP_LTZ(p)} is a {@code SqlBasicTypeNameSpec} of TIMESTAMP_WITH_LOCAL_TIME_ZONE
 * with precision p, the same as {@code TIMESTAMP(p) WITH LOCAL TIME ZONE}.
 *
 * <p>The words added to the grammar (WATERMARK, TABLES, VIEWS, COMMENT, ENFORCED, STRING, BYTES,
 * TIMESTAMP_LTZ, IF) and Calcite's RESET are non-reserved: they stay usable as identifiers.
 */
package io.weir.parser;
