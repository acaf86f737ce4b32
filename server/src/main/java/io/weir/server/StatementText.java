package io.weir.server;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * The text of one statement of a request, cut from the request by the statement's parser position, widened to
 * its operands': Calcite gives some statements the position of one token only (a query with {@code ORDER BY} or
 * {@code LIMIT} gets that of its last token).
 */
final class StatementText {

    private StatementText() {
    }

    static String of(String sql, SqlNode statement) {
        SqlParserPos pos = span(statement);
        int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
        int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum());
        if (start < 0 || end < start) {
            return statement.toString();
        }
        return sql.substring(start, Math.min(end + 1, sql.length())).trim();
    }

    private static SqlParserPos span(SqlNode statement) {
        SqlParserPos pos = statement.getParserPosition();
        if (!(statement instanceof SqlCall call)) {
            return pos;
        }
        List<SqlNode> placed = new ArrayList<>();
        for (SqlNode operand : call.getOperandList()) {
            if (operand != null && operand.getParserPosition().getLineNum() > 0) {
                placed.add(operand);
            }
        }
        return pos.plusAll(placed);
    }

    /** Offset of 1-based (line, column) in {@code text}, or -1. */
    private static int offset(String text, int line, int column) {
        if (line < 1 || column < 1) {
            return -1;
        }
        int offset = 0;
        for (int l = 1; l < line; l++) {
            offset = text.indexOf('\n', offset);
            if (offset < 0) {
                return -1;
            }
            offset++;
        }
        int result = offset + column - 1;
        return result <= text.length() ? result : -1;
    }
}
