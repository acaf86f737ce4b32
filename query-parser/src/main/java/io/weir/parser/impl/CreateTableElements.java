package io.weir.parser.impl;

import io.weir.parser.ddl.SqlTableColumn;
import io.weir.parser.ddl.SqlWatermark;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * Collects the elements of one CREATE TABLE body while the grammar reads them, in the order
 * written, and rejects a second WATERMARK or PRIMARY KEY at the position of the second one.
 */
final class CreateTableElements {
  private final List<SqlTableColumn> columns = new ArrayList<>();
  private SqlWatermark watermark;
  private SqlNodeList primaryKey = SqlNodeList.EMPTY;

  void addColumn(SqlTableColumn column) {
    columns.add(column);
  }

  void setWatermark(SqlWatermark definition) {
    if (watermark != null) {
      throw SqlUtil.newContextException(definition.getParserPosition(),
          WeirParserResource.INSTANCE.duplicateWatermark());
    }
    watermark = definition;
  }

  /** Sets the key columns, from a table constraint or from a column marked PRIMARY KEY. */
  void setPrimaryKey(SqlNodeList keyColumns, SqlParserPos constraintPos) {
    if (!primaryKey.isEmpty()) {
      throw SqlUtil.newContextException(constraintPos,
          WeirParserResource.INSTANCE.duplicatePrimaryKey());
    }
    primaryKey = keyColumns;
  }

  SqlNodeList columns(SqlParserPos bodyPos) {
    return new SqlNodeList(columns, bodyPos);
  }

  SqlWatermark watermark() {
    return watermark;
  }

  SqlNodeList primaryKey() {
    return primaryKey;
  }
}
