package io.weir.server;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;

/** The text of one statement of a request, cut from the request by the statement's parser position. */
final class StatementText {

    private StatementText() {
    }

    static String of(String sql, SqlNode statement) {
        SqlParserPos pos = statement.getParserPosition();
        int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
        int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum());
        if (start < 0 || end < start) {
            return statement.toString();
        }
        return sql.substring(start, Math.min(end + 1, sql.length())).trim();
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
