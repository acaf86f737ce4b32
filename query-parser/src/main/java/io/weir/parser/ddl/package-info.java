/**
 * The syntax tree nodes of Weir's own statements. Each node unparses to SQL that
 * {@link io.weir.parser.WeirSqlParser} parses back to an equal node; its
 * {@link org.apache.calcite.sql.SqlCall#getOperandList()} holds every part of the statement,
 * flags included (as BOOLEAN literals), so that {@code equalsDeep} compares whole statements.
 * Optional parts are returned as {@link java.util.Optional} or as empty lists.
 */
package io.weir.parser.ddl;
