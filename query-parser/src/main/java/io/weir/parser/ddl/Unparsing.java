package io.weir.parser.ddl;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;

/** Pieces of syntax that several statement nodes write alike. */
final class Unparsing {
  private Unparsing() {}

  /** Writes {@code COMMENT 'text'} when there is a comment. */
  static void comment(SqlWriter writer, SqlNode nullableComment) {
    if (nullableComment != null) {
      writer.keyword("COMMENT");
      nullableComment.unparse(writer, 0, 0);
    }
  }

  /** Writes {@code (a, b, c)}. */
  static void parenthesized(SqlWriter writer, Iterable<? extends SqlNode> nodes) {
    final SqlWriter.Frame frame = writer.startList("(", ")");
    for (SqlNode node : nodes) {
      writer.sep(",");
      node.unparse(writer, 0, 0);
    }
    writer.endList(frame);
  }
}
