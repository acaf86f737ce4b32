package io.weir.parser.impl;

import org.apache.calcite.runtime.Resources;
import org.apache.calcite.runtime.Resources.BaseMessage;
import org.apache.calcite.runtime.Resources.ExInst;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Messages of the errors that Weir's grammar raises itself. The generated parser turns each into a
 * {@link org.apache.calcite.sql.parser.SqlParseException} at the offending position.
 */
interface WeirParserResource {
  WeirParserResource INSTANCE = Resources.create(WeirParserResource.class);

  @BaseMessage("Duplicate option key ''{0}''")
  ExInst<SqlValidatorException> duplicateOptionKey(String key);

  @BaseMessage("A table has at most one WATERMARK definition")
  ExInst<SqlValidatorException> duplicateWatermark();

  @BaseMessage("A table has at most one PRIMARY KEY")
  ExInst<SqlValidatorException> duplicatePrimaryKey();

  @BaseMessage("CREATE OR REPLACE TABLE is not supported; use DROP TABLE, then CREATE TABLE")
  ExInst<SqlValidatorException> createOrReplaceTableUnsupported();
}
