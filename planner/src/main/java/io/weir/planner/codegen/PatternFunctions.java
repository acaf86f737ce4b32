package io.weir.planner.codegen;

import static io.weir.planner.codegen.RowFunction.lng;
import static io.weir.planner.codegen.RowFunction.set;
import static io.weir.planner.codegen.RowFunction.str;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.BooleanVector;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pattern matching: {@code LIKE}, {@code SIMILAR TO}, and Flink's {@code REGEXP}, {@code REGEXP_EXTRACT},
 * {@code REGEXP_REPLACE}. A literal pattern is compiled once, here; a pattern from a column is compiled per
 * distinct value through a small cache. As in Flink, an invalid regular expression makes the REGEXP
 * functions return NULL rather than fail the query.
 */
final class PatternFunctions {

    private PatternFunctions() {
    }

    static void register(FunctionRegistry r) {
        r.add("LIKE", c -> textPattern(c, false));
        r.add("SIMILAR TO", c -> textPattern(c, true));
        r.add("REGEXP", PatternFunctions::regexp);
        r.add("REGEXP_EXTRACT", PatternFunctions::regexpExtract);
        r.add("REGEXP_REPLACE", PatternFunctions::regexpReplace);
    }

    private static ScalarEvaluator textPattern(Call c, boolean similar) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator subject = StringFunctions.text(c.operand(0));
        boolean hasEscape = c.arity() == 3;
        if (c.isConstant(1) && (!hasEscape || c.isConstant(2))) {
            String pattern = c.constant(1).stringValue();
            String escape = hasEscape ? c.constant(2).stringValue() : null;
            TextPattern compiled;
            try {
                compiled = similar ? TextPattern.similar(pattern, escape) : TextPattern.like(pattern, escape);
            } catch (WeirException e) {
                throw WeirException.validation(e.getMessage());
            }
            return new Test(subject, compiled, c.type());
        }
        List<ScalarEvaluator> operands = new ArrayList<>(List.of(subject, StringFunctions.text(c.operand(1))));
        if (hasEscape) {
            operands.add(StringFunctions.text(c.operand(2)));
        }
        return RowFunction.strict(operands, c.type(), (a, i, o) -> {
            TextPattern p = Regexes.textPattern(str(a, 1, i), hasEscape ? str(a, 2, i) : null, similar);
            set(o, i, p.newTester().test(str(a, 0, i)));
        });
    }

    /** {@code REGEXP(str, regex)}: TRUE when the regex matches somewhere in the string. */
    private static ScalarEvaluator regexp(Call c) {
        if (c.hasNullConstant()) {
            return Constant.nullOf(c.type());
        }
        ScalarEvaluator subject = StringFunctions.text(c.operand(0));
        if (c.isConstant(1)) {
            TextPattern compiled = TextPattern.find(c.constant(1).stringValue());
            return compiled == null ? Constant.nullOf(c.type()) : new Test(subject, compiled, c.type());
        }
        return RowFunction.strict(List.of(subject, StringFunctions.text(c.operand(1))), c.type(), (a, i, o) -> {
            Pattern p = Regexes.compile(str(a, 1, i));
            if (p == null) {
                o.setNull(i);
            } else {
                set(o, i, p.matcher(str(a, 0, i)).find());
            }
        });
    }

    /** Flink's REGEXP_EXTRACT: group {@code index} (default 0) of the first match; NULL when none. */
    private static ScalarEvaluator regexpExtract(Call c) {
        boolean hasIndex = c.arity() == 3;
        Pattern literal = c.isConstant(1) && !c.constant(1).isNull() ? Regexes.compile(c.constant(1).stringValue()) : null;
        Long literalGroup = hasIndex ? StringFunctions.integerConstant(c, 2) : Long.valueOf(0);
        if (literal != null && literalGroup != null && !c.hasNullConstant()) {
            // A literal pattern and group make it a function of the subject alone, which often repeats (URLs).
            long group = literalGroup;
            return StringFunctions.memoized(c, s -> extract(literal, s, group));
        }
        return StringFunctions.strict(c, (a, i, o) -> {
            Pattern p = literal != null ? literal : Regexes.compile(str(a, 1, i));
            long group = hasIndex ? lng(a, 2, i) : 0;
            set(o, i, p == null ? null : extract(p, str(a, 0, i), group));
        });
    }

    static String extract(Pattern pattern, String s, long group) {
        Matcher m = pattern.matcher(s);
        if (group < 0 || group > m.groupCount() || !m.find()) {
            return null;
        }
        return m.group((int) group);
    }

    /** Flink's REGEXP_REPLACE: every match replaced by the literal replacement text; NULL for an invalid regex. */
    private static ScalarEvaluator regexpReplace(Call c) {
        Pattern literal = c.isConstant(1) && !c.constant(1).isNull() ? Regexes.compile(c.constant(1).stringValue()) : null;
        return StringFunctions.strict(c, (a, i, o) -> {
            Pattern p = literal != null ? literal : Regexes.compile(str(a, 1, i));
            set(o, i, p == null ? null : p.matcher(str(a, 0, i)).replaceAll(Matcher.quoteReplacement(str(a, 2, i))));
        });
    }

    /** A string tested against one pattern; the tester (and its matcher) is made once per chunk. */
    private record Test(ScalarEvaluator subject, TextPattern pattern, DataType type) implements ScalarEvaluator {
        @Override
        public Vector evaluate(Chunk input) {
            int n = input.size();
            StringVector in = (StringVector) subject.evaluate(input);
            String[] a = in.values();
            BooleanVector out = new BooleanVector(n);
            boolean[] o = out.values();
            TextPattern.Tester tester = pattern.newTester();
            for (int i = 0; i < n; i++) {
                if (in.isNull(i)) {
                    out.setNull(i);
                } else {
                    o[i] = tester.test(a[i]);
                }
            }
            return out;
        }
    }
}
