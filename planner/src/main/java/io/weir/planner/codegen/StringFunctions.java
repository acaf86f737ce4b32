package io.weir.planner.codegen;

import static io.weir.planner.codegen.RowFunction.lng;
import static io.weir.planner.codegen.RowFunction.set;
import static io.weir.planner.codegen.RowFunction.str;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.PhysicalType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlTrimFunction;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * String functions with Flink's semantics: concatenation, case, SUBSTRING (or SUBSTR), TRIM, lengths,
 * POSITION (or LOCATE), REPLACE, SPLIT_INDEX, padding, REPEAT, REVERSE, LEFT/RIGHT, INITCAP. Positions are 1-based and count
 * UTF-16 chars. Every function is strict (NULL in, NULL out) except CONCAT_WS, which skips NULL strings.
 */
final class StringFunctions {

    private static final DataType TEXT = DataType.STRING;

    private StringFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.add("||", StringFunctions::concat);
        r.add("CONCAT", StringFunctions::concat);
        r.add("CONCAT_WS", StringFunctions::concatWs);
        r.add("UPPER", c -> memoized(c, s -> s.toUpperCase(Locale.ROOT)));
        r.add("LOWER", c -> memoized(c, s -> s.toLowerCase(Locale.ROOT)));
        r.add("INITCAP", c -> strict(c, (a, i, o) -> set(o, i, initcap(str(a, 0, i)))));
        r.add("SUBSTRING", StringFunctions::substring);
        r.add("SUBSTR", StringFunctions::substring);
        r.add("TRIM", StringFunctions::trim);
        r.add("LTRIM", c -> trim(c, true, false));
        r.add("RTRIM", c -> trim(c, false, true));
        r.add("CHAR_LENGTH", StringFunctions::charLength);
        r.add("CHARACTER_LENGTH", StringFunctions::charLength);
        r.add("POSITION", StringFunctions::position);
        r.add("LOCATE", StringFunctions::position);
        r.add("REPLACE", c -> strict(c, (a, i, o) -> set(o, i, str(a, 0, i).replace(str(a, 1, i), str(a, 2, i)))));
        r.add("SPLIT_INDEX", StringFunctions::splitIndex);
        r.add("LPAD", c -> pad(c, true));
        r.add("RPAD", c -> pad(c, false));
        r.add("REPEAT", c -> strict(c, (a, i, o) -> set(o, i, repeat(str(a, 0, i), lng(a, 1, i)))));
        r.add("REVERSE", c -> strict(c, (a, i, o) -> set(o, i, new StringBuilder(str(a, 0, i)).reverse().toString())));
        r.add("LEFT", c -> strict(c, (a, i, o) -> set(o, i, left(str(a, 0, i), lng(a, 1, i)))));
        r.add("RIGHT", c -> strict(c, (a, i, o) -> set(o, i, right(str(a, 0, i), lng(a, 1, i)))));
    }

    /** A strict function of one string, through a {@link StringMemo} (the function must be deterministic). */
    static ScalarEvaluator memoized(Call c, UnaryOperator<String> function) {
        StringMemo memo = new StringMemo(function);
        return strict(c, (a, i, o) -> set(o, i, memo.apply(str(a, 0, i))));
    }

    /**
     * A strict row function over the call's operands, with string operands read as text and numeric ones as
     * longs (other types are cast so the lambda's accessors hold).
     */
    static ScalarEvaluator strict(Call c, RowFunction f) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        return RowFunction.strict(normalized(c), c.type(), f);
    }

    private static List<ScalarEvaluator> normalized(Call c) {
        List<ScalarEvaluator> out = new ArrayList<>(c.arity());
        for (ScalarEvaluator operand : c.operands()) {
            out.add(normalize(operand));
        }
        return out;
    }

    /** Text stays text; numbers become BIGINT (decimals truncated, as Flink's integer arguments). */
    static ScalarEvaluator normalize(ScalarEvaluator operand) {
        DataType type = operand.type();
        if (type.kind().isCharacter() || type.physical() == PhysicalType.BOOLEAN) {
            return operand;
        }
        if (type.kind().isNumeric() && !(Casts.isScaledLong(type.kind()) && type.decimalScale() == 0)) {
            return Casts.cast(operand, DataType.BIGINT.withNullable(type.nullable()));
        }
        return operand;
    }

    static ScalarEvaluator text(ScalarEvaluator operand) {
        return operand.type().kind().isCharacter() ? operand : Casts.cast(operand, TEXT.withNullable(operand.type().nullable()));
    }

    private static ScalarEvaluator concat(Call c) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        List<ScalarEvaluator> parts = new ArrayList<>();
        for (ScalarEvaluator operand : c.operands()) {
            parts.add(text(operand));
        }
        int count = parts.size();
        return RowFunction.strict(parts, c.type(), (a, i, o) -> {
            if (count == 2) {
                set(o, i, str(a, 0, i).concat(str(a, 1, i)));
                return;
            }
            StringBuilder sb = new StringBuilder();
            for (int k = 0; k < count; k++) {
                sb.append(str(a, k, i));
            }
            set(o, i, sb.toString());
        });
    }

    /** Flink: NULL when the separator is NULL; NULL strings are skipped. */
    private static ScalarEvaluator concatWs(Call c) {
        List<ScalarEvaluator> parts = new ArrayList<>();
        for (ScalarEvaluator operand : c.operands()) {
            parts.add(text(operand));
        }
        int count = parts.size();
        return RowFunction.lenient(parts, c.type(), (a, i, o) -> {
            if (a[0].isNull(i)) {
                o.setNull(i);
                return;
            }
            String separator = str(a, 0, i);
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (int k = 1; k < count; k++) {
                if (!a[k].isNull(i)) {
                    if (!first) {
                        sb.append(separator);
                    }
                    sb.append(str(a, k, i));
                    first = false;
                }
            }
            set(o, i, sb.toString());
        });
    }

    static String initcap(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean startOfWord = true;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            if (Character.isLetterOrDigit(ch)) {
                sb.append(startOfWord ? Character.toUpperCase(ch) : Character.toLowerCase(ch));
                startOfWord = false;
            } else {
                sb.append(ch);
                startOfWord = true;
            }
        }
        return sb.toString();
    }

    private static ScalarEvaluator substring(Call c) {
        if (c.arity() == 2) {
            return strict(c, (a, i, o) -> set(o, i, substring(str(a, 0, i), lng(a, 1, i), Long.MAX_VALUE)));
        }
        return strict(c, (a, i, o) -> {
            long length = lng(a, 2, i);
            if (length < 0) {
                throw WeirException.execution("SUBSTRING length must not be negative, got " + length);
            }
            set(o, i, substring(str(a, 0, i), lng(a, 1, i), length));
        });
    }

    /**
     * Flink's rule (H2 agrees): {@code length} characters from the 1-based position {@code start}; a start of 0
     * is the first character and a negative start counts from the end ({@code -1} is the last character). A
     * start before the beginning or past the end gives the empty string.
     */
    static String substring(String s, long start, long length) {
        long from;
        if (start > 0) {
            from = start - 1;
        } else if (start < 0) {
            from = s.length() + start;
        } else {
            from = 0;
        }
        if (from < 0 || from >= s.length()) {
            return "";
        }
        long to = Math.min(s.length(), length == Long.MAX_VALUE ? Long.MAX_VALUE : from + length);
        return s.substring((int) from, (int) to);
    }

    private static ScalarEvaluator trim(Call c) {
        SqlTrimFunction.Flag flag = c.symbol(0, SqlTrimFunction.Flag.class);
        boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
        boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
        return strict(c, (a, i, o) -> set(o, i, trim(str(a, 2, i), str(a, 1, i), leading, trailing)));
    }

    /** LTRIM/RTRIM as functions: spaces, or the characters of the second operand. */
    private static ScalarEvaluator trim(Call c, boolean leading, boolean trailing) {
        if (c.arity() == 1) {
            return strict(c, (a, i, o) -> set(o, i, trim(str(a, 0, i), " ", leading, trailing)));
        }
        return strict(c, (a, i, o) -> set(o, i, trim(str(a, 0, i), str(a, 1, i), leading, trailing)));
    }

    /** Removes, from the chosen ends, every character that occurs in {@code characters}. */
    static String trim(String s, String characters, boolean leading, boolean trailing) {
        int start = 0;
        int end = s.length();
        if (leading) {
            while (start < end && characters.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
        }
        if (trailing) {
            while (end > start && characters.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    /**
     * CHAR_LENGTH. Of {@code REPLACE(s, 'text', '')}, the SQL idiom for counting a substring
     * ({@code CHAR_LENGTH(s) - CHAR_LENGTH(REPLACE(s, 'c', ''))}, Nexmark q14), it counts the occurrences that REPLACE
     * would remove (left to right, not overlapping) instead of building the shorter string only to measure it.
     */
    private static ScalarEvaluator charLength(Call c) {
        RexCall replace = c.rexOperand(0) instanceof RexCall call && call.getOperands().size() == 3
                && "REPLACE".equalsIgnoreCase(call.getOperator().getName()) ? call : null;
        String target = replace == null ? null : literalText(replace.getOperands().get(1));
        if (target != null && !target.isEmpty() && "".equals(literalText(replace.getOperands().get(2)))) {
            ScalarEvaluator text = text(c.compilation().compile(replace.getOperands().get(0)));
            return RowFunction.strict(List.of(text), c.type(), (a, i, o) -> {
                String value = str(a, 0, i);
                set(o, i, value.length() - occurrences(value, target) * target.length());
            });
        }
        return strict(c, (a, i, o) -> set(o, i, str(a, 0, i).length()));
    }

    /** The text of a character literal, or null. */
    private static String literalText(RexNode node) {
        return node instanceof RexLiteral literal && literal.getValue() != null
                && literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
                ? literal.getValueAs(String.class) : null;
    }

    /** How many times {@code target} (not empty) occurs in {@code value}, counted left to right without overlaps. */
    private static int occurrences(String value, String target) {
        int count = 0;
        for (int at = value.indexOf(target); at >= 0; at = value.indexOf(target, at + target.length())) {
            count++;
        }
        return count;
    }

    private static ScalarEvaluator position(Call c) {
        if (c.arity() == 3) {
            return strict(c, (a, i, o) -> set(o, i, position(str(a, 0, i), str(a, 1, i), lng(a, 2, i))));
        }
        return strict(c, (a, i, o) -> set(o, i, position(str(a, 0, i), str(a, 1, i), 1)));
    }

    /** 1-based position of {@code needle} in {@code haystack} at or after {@code from}; 0 when absent. */
    static long position(String needle, String haystack, long from) {
        if (from < 1 || from > haystack.length() + 1L) {
            return 0;
        }
        return haystack.indexOf(needle, (int) from - 1) + 1;
    }

    /** Flink's SPLIT_INDEX: the {@code index}-th (0-based) piece of {@code s} split by the whole separator. */
    private static ScalarEvaluator splitIndex(Call c) {
        Long index = integerConstant(c, 2);
        if (c.isConstant(1) && !c.constant(1).isNull() && index != null) {
            // A literal separator and index make it a function of the text alone, which often repeats (URLs).
            String separator = c.constant(1).stringValue();
            return memoized(c, s -> splitIndex(s, separator, index));
        }
        return strict(c, (a, i, o) -> set(o, i, splitIndex(str(a, 0, i), str(a, 1, i), lng(a, 2, i))));
    }

    /** The value of operand {@code i} when it is a non-null integer literal; null otherwise. */
    static Long integerConstant(Call c, int i) {
        if (!c.isConstant(i) || c.constant(i).isNull()) {
            return null;
        }
        return switch (c.constant(i).type().kind()) {
            case TINYINT, SMALLINT, INTEGER, BIGINT -> c.constant(i).longValue();
            default -> null;
        };
    }

    static String splitIndex(String s, String separator, long index) {
        if (index < 0 || s.isEmpty()) {
            return null;
        }
        if (separator.isEmpty()) {
            return index == 0 ? s : null;
        }
        int start = 0;
        for (long k = 0; k < index; k++) {
            int at = s.indexOf(separator, start);
            if (at < 0) {
                return null;
            }
            start = at + separator.length();
        }
        int end = s.indexOf(separator, start);
        return s.substring(start, end < 0 ? s.length() : end);
    }

    private static ScalarEvaluator pad(Call c, boolean left) {
        if (c.arity() == 2) {
            return strict(c, (a, i, o) -> set(o, i, pad(str(a, 0, i), lng(a, 1, i), " ", left)));
        }
        return strict(c, (a, i, o) -> set(o, i, pad(str(a, 0, i), lng(a, 1, i), str(a, 2, i), left)));
    }

    /** Flink's LPAD/RPAD: NULL for a negative length or an empty pad; a longer string is cut to the length. */
    static String pad(String s, long length, String pad, boolean left) {
        if (length < 0 || pad.isEmpty()) {
            return null;
        }
        int len = (int) Math.min(length, Integer.MAX_VALUE);
        if (s.length() >= len) {
            return s.substring(0, len);
        }
        StringBuilder padding = new StringBuilder(len);
        int missing = len - s.length();
        while (padding.length() < missing) {
            padding.append(pad, 0, Math.min(pad.length(), missing - padding.length()));
        }
        return left ? padding.append(s).toString() : s + padding;
    }

    static String repeat(String s, long times) {
        if (times <= 0 || s.isEmpty()) {
            return "";
        }
        if (s.length() * times > Integer.MAX_VALUE - 8) {
            throw WeirException.execution("REPEAT result would be longer than " + Integer.MAX_VALUE + " characters");
        }
        return s.repeat((int) times);
    }

    static String left(String s, long n) {
        return n <= 0 ? "" : s.substring(0, (int) Math.min(n, s.length()));
    }

    static String right(String s, long n) {
        return n <= 0 ? "" : s.substring(s.length() - (int) Math.min(n, s.length()));
    }
}
