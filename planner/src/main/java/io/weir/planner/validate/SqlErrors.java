package io.weir.planner.validate;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's exceptions into Weir's error taxonomy, keeping the SQL position. */
public final class SqlErrors {

    private SqlErrors() {
    }

    public static WeirException parse(SqlParseException e) {
        SqlParserPos pos = e.getPos();
        String message = firstLine(e.getMessage());
        return new WeirException(ErrorKind.PARSE, message, pos == null ? 0 : pos.getLineNum(),
                pos == null ? 0 : pos.getColumnNum(), e);
    }

    /** A validation failure; positioned when Calcite knows where in the text it is. */
    public static WeirException validation(CalciteException e) {
        if (e instanceof CalciteContextException ce) {
            String message = ce.getCause() != null && ce.getCause().getMessage() != null
                    ? ce.getCause().getMessage() : ce.getMessage();
            return new WeirException(ErrorKind.VALIDATION, message, ce.getPosLine(), ce.getPosColumn(), e);
        }
        return new WeirException(ErrorKind.VALIDATION, e.getMessage(), e);
    }

    public static WeirException at(ErrorKind kind, String message, SqlParserPos pos) {
        return new WeirException(kind, message, pos.getLineNum(), pos.getColumnNum(), null);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "Syntax error";
        }
        // Calcite appends the whole list of expected tokens after the first line; the first line says enough.
        int newline = message.indexOf('\n');
        String first = newline < 0 ? message : message.substring(0, newline);
        return first.endsWith(".") ? first : first + (newline < 0 ? "" : ".");
    }
}
