package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PatternFunctionsTest {

    private static ExpressionFixture strings(String... values) {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR");
        for (String v : values) {
            f.row((Object) v);
        }
        return f;
    }

    @Test
    void likeWithPercentAndUnderscore() {
        ExpressionFixture f = strings("apple", "maple", "apply", "ap", "a\nple", null);
        assertThat(f.eval("s LIKE 'ap%'")).containsExactly(true, false, true, true, false, null);
        assertThat(f.eval("s LIKE '%ple'")).containsExactly(true, true, false, false, true, null);
        assertThat(f.eval("s LIKE '%pl%'")).containsExactly(true, true, true, false, true, null);
        assertThat(f.eval("s LIKE 'a%e'")).containsExactly(true, false, false, false, true, null);
        assertThat(f.eval("s LIKE 'appl_'")).containsExactly(true, false, true, false, false, null);
        assertThat(f.eval("s LIKE '_p%'")).containsExactly(true, false, true, true, false, null);
        assertThat(f.eval("s LIKE 'apple'")).containsExactly(true, false, false, false, false, null);
        assertThat(f.eval("s LIKE '%'")).containsExactly(true, true, true, true, true, null);
        assertThat(f.eval("s NOT LIKE 'ap%'")).containsExactly(false, true, false, false, true, null);
    }

    @Test
    void likeTreatsRegexCharactersLiterally() {
        ExpressionFixture f = strings("a.c", "abc", "a*c", "[x]");
        assertThat(f.eval("s LIKE 'a.c'")).containsExactly(true, false, false, false);
        assertThat(f.eval("s LIKE 'a*_'")).containsExactly(false, false, true, false);
        assertThat(f.eval("s LIKE '[_]'")).containsExactly(false, false, false, true);
    }

    @Test
    void likeWithEscape() {
        ExpressionFixture f = strings("50%", "500", "a_b", "axb", "a!b");
        assertThat(f.eval("s LIKE '50!%' ESCAPE '!'")).containsExactly(true, false, false, false, false);
        assertThat(f.eval("s LIKE 'a!_b' ESCAPE '!'")).containsExactly(false, false, true, false, false);
        assertThat(f.eval("s LIKE 'a!!b' ESCAPE '!'")).containsExactly(false, false, false, false, true);
        assertThat(f.eval("s LIKE '%!%' ESCAPE '!'")).containsExactly(true, false, false, false, false);
        // Without an ESCAPE clause a backslash is an ordinary character, as in Flink and Calcite.
        assertThat(strings("a\\b").eval("s LIKE 'a\\b'")).containsExactly(true);
    }

    @Test
    void whenEscapeIsMisused_thenError() {
        assertThatThrownBy(() -> strings("x").compile("s LIKE 'a!b' ESCAPE '!'")).hasMessageContaining("Invalid escape");
        assertThatThrownBy(() -> strings("x").compile("s LIKE 'ab!' ESCAPE '!'")).hasMessageContaining("Invalid escape");
    }

    @Test
    void likeWithPatternFromAColumn() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR, p VARCHAR")
                .row("apple", "a%").row("apple", "b%").row("apple", null).row(null, "%");
        assertThat(f.eval("s LIKE p")).containsExactly(true, false, null, null);
    }

    @Test
    void similarTo() {
        ExpressionFixture f = strings("abc", "abd", "xyz");
        assertThat(f.eval("s SIMILAR TO 'ab(c|d)'")).containsExactly(true, true, false);
        assertThat(f.eval("s SIMILAR TO '%(b|y)%'")).containsExactly(true, true, true);
        assertThat(f.eval("s SIMILAR TO 'a_'")).containsExactly(false, false, false);
    }

    @Test
    void regexpExtractFollowsFlink() {
        ExpressionFixture f = strings("foothebar", "nothing", null);
        assertThat(f.eval("REGEXP_EXTRACT(s, 'foo(.*?)(bar)', 2)")).containsExactly("bar", null, null);
        assertThat(f.eval("REGEXP_EXTRACT(s, 'foo(.*?)(bar)', 1)")).containsExactly("the", null, null);
        assertThat(f.eval("REGEXP_EXTRACT(s, 'o+')")).containsExactly("oo", "o", null);
        assertThat(f.eval("REGEXP_EXTRACT(s, 'foo(.*?)(bar)', 3)")).containsExactly(null, null, null);
        assertThat(f.eval("REGEXP_EXTRACT(s, '(unclosed', 1)")).containsExactly(null, null, null);
    }

    @Test
    void regexpReplaceAndRegexp() {
        ExpressionFixture f = strings("a1b22c", null);
        assertThat(f.eval("REGEXP_REPLACE(s, '[0-9]+', '#')")).containsExactly("a#b#c", null);
        assertThat(f.eval("REGEXP_REPLACE(s, '[0-9]+', '$1')")).containsExactly("a$1b$1c", null);
        assertThat(f.eval("REGEXP(s, '[0-9]{2}')")).containsExactly(true, null);
        assertThat(f.eval("REGEXP(s, '^[0-9]')")).containsExactly(false, null);
    }
}
