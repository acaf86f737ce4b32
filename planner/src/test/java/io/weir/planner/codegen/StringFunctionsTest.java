package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class StringFunctionsTest {

    private static ExpressionFixture strings(String... values) {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR");
        for (String v : values) {
            f.row((Object) v);
        }
        return f;
    }

    @Test
    void concatenationIsNullWhenAnyPartIsNull() {
        ExpressionFixture f = ExpressionFixture.columns("a VARCHAR, b VARCHAR, i INT").row("x", "y", 1).row("x", null, 2);
        assertThat(f.eval("a || b")).containsExactly("xy", null);
        assertThat(f.eval("a || '-' || b")).containsExactly("x-y", null);
        assertThat(f.eval("CONCAT(a, b, 'z')")).containsExactly("xyz", null);
        assertThat(f.eval("a || CAST(i AS VARCHAR)")).containsExactly("x1", "x2");
    }

    @Test
    void concatWsSkipsNullsButNotANullSeparator() {
        ExpressionFixture f = ExpressionFixture.columns("a VARCHAR, b VARCHAR, sep VARCHAR")
                .row("x", "y", ",").row("x", null, ",").row("x", "y", null);
        assertThat(f.eval("CONCAT_WS(sep, a, b, 'z')")).containsExactly("x,y,z", "x,z", null);
    }

    @Test
    void caseFunctions() {
        ExpressionFixture f = strings("hello wORLD", "o'neil-smith 2nd", null);
        assertThat(f.eval("UPPER(s)")).containsExactly("HELLO WORLD", "O'NEIL-SMITH 2ND", null);
        assertThat(f.eval("LOWER(s)")).containsExactly("hello world", "o'neil-smith 2nd", null);
        assertThat(f.eval("INITCAP(s)")).containsExactly("Hello World", "O'Neil-Smith 2nd", null);
    }

    @Test
    void substringStartsAsInFlink_zeroIsTheFirstCharacterAndNegativeCountsFromTheEnd() {
        ExpressionFixture f = strings("hello", null);
        assertThat(f.eval("SUBSTRING(s FROM 2 FOR 3)")).containsExactly("ell", null);
        assertThat(f.eval("SUBSTRING(s FROM 2)")).containsExactly("ello", null);
        assertThat(f.eval("SUBSTRING(s FROM 0 FOR 3)")).containsExactly("hel", null);
        assertThat(f.eval("SUBSTRING(s FROM 0)")).containsExactly("hello", null);
        assertThat(f.eval("SUBSTRING(s FROM -1 FOR 3)")).containsExactly("o", null);
        assertThat(f.eval("SUBSTRING(s FROM -3)")).containsExactly("llo", null);
        assertThat(f.eval("SUBSTRING(s FROM -4 FOR 2)")).containsExactly("el", null);
        assertThat(f.eval("SUBSTRING(s FROM -5)")).containsExactly("hello", null);
        assertThat(f.eval("SUBSTRING(s FROM -6 FOR 2)")).containsExactly("", null);
        assertThat(f.eval("SUBSTRING(s FROM 4 FOR 100)")).containsExactly("lo", null);
        assertThat(f.eval("SUBSTRING(s FROM 9)")).containsExactly("", null);
        assertThat(f.eval("SUBSTRING(s, 1, 0)")).containsExactly("", null);
        assertThatThrownBy(() -> strings("hello").eval("SUBSTRING(s FROM 1 FOR -1)"))
                .hasMessageContaining("must not be negative");
    }

    @Test
    void trimRemovesTheGivenCharactersFromTheChosenEnds() {
        ExpressionFixture f = strings("  ab  ", "xxaxbxx", null);
        assertThat(f.eval("TRIM(s)")).containsExactly("ab", "xxaxbxx", null);
        assertThat(f.eval("TRIM(BOTH 'x' FROM s)")).containsExactly("  ab  ", "axb", null);
        assertThat(f.eval("TRIM(LEADING 'x' FROM s)")).containsExactly("  ab  ", "axbxx", null);
        assertThat(f.eval("TRIM(TRAILING 'x' FROM s)")).containsExactly("  ab  ", "xxaxb", null);
        assertThat(f.eval("LTRIM(s)")).containsExactly("ab  ", "xxaxbxx", null);
        assertThat(f.eval("RTRIM(s)")).containsExactly("  ab", "xxaxbxx", null);
    }

    @Test
    void lengthAndPosition() {
        ExpressionFixture f = strings("banana", "", null);
        assertThat(f.eval("CHAR_LENGTH(s)")).containsExactly(6L, 0L, null);
        assertThat(f.eval("CHARACTER_LENGTH(s)")).containsExactly(6L, 0L, null);
        assertThat(f.eval("POSITION('an' IN s)")).containsExactly(2L, 0L, null);
        assertThat(f.eval("POSITION('an' IN s FROM 3)")).containsExactly(4L, 0L, null);
        assertThat(f.eval("POSITION('' IN s)")).containsExactly(1L, 1L, null);
        assertThat(f.eval("POSITION('x' IN s)")).containsExactly(0L, 0L, null);
        assertThat(f.eval("LOCATE('an', s)")).containsExactly(2L, 0L, null);
        assertThat(f.eval("LOCATE('an', s, 3)")).containsExactly(4L, 0L, null);
    }

    @Test
    void substrIsSubstringByItsShortName() {
        ExpressionFixture f = strings("hello", null);
        assertThat(f.eval("SUBSTR(s, 2, 3)")).containsExactly("ell", null);
        assertThat(f.eval("SUBSTR(s, 2)")).containsExactly("ello", null);
        assertThat(f.eval("SUBSTR(s, -2)")).containsExactly("lo", null);
        assertThat(f.eval("SUBSTR(s, 0, 2)")).containsExactly("he", null);
    }

    @Test
    void lengthOfAReplacementByNothingCountsWhatItRemoves() {
        ExpressionFixture f = strings("abcabc", "aaaa", "", "x\u00e9y\u00e9", null);
        assertThat(f.eval("CHAR_LENGTH(s) - CHAR_LENGTH(REPLACE(s, 'c', ''))")).containsExactly(2L, 0L, 0L, 0L, null);
        assertThat(f.eval("CHAR_LENGTH(REPLACE(s, 'aa', ''))")).containsExactly(6L, 0L, 0L, 4L, null);
        assertThat(f.eval("CHARACTER_LENGTH(REPLACE(s, '\u00e9', ''))")).containsExactly(6L, 4L, 0L, 2L, null);
        assertThat(f.eval("CHAR_LENGTH(REPLACE(s, 'b', 'XY'))")).containsExactly(8L, 4L, 0L, 4L, null);
    }

    @Test
    void replaceRepeatReverseLeftRight() {
        ExpressionFixture f = strings("abcabc", null);
        assertThat(f.eval("REPLACE(s, 'bc', 'X')")).containsExactly("aXaX", null);
        assertThat(f.eval("REPEAT(s, 2)")).containsExactly("abcabcabcabc", null);
        assertThat(f.eval("REPEAT(s, 0)")).containsExactly("", null);
        assertThat(f.eval("REVERSE(s)")).containsExactly("cbacba", null);
        assertThat(f.eval("LEFT(s, 2)")).containsExactly("ab", null);
        assertThat(f.eval("RIGHT(s, 2)")).containsExactly("bc", null);
        assertThat(f.eval("LEFT(s, 99)")).containsExactly("abcabc", null);
    }

    @Test
    void splitIndexFollowsFlink() {
        ExpressionFixture f = strings("a,b,,c", "", null);
        assertThat(f.eval("SPLIT_INDEX(s, ',', 0)")).containsExactly("a", null, null);
        assertThat(f.eval("SPLIT_INDEX(s, ',', 2)")).containsExactly("", null, null);
        assertThat(f.eval("SPLIT_INDEX(s, ',', 3)")).containsExactly("c", null, null);
        assertThat(f.eval("SPLIT_INDEX(s, ',', 4)")).containsExactly(null, null, null);
        assertThat(f.eval("SPLIT_INDEX(s, ',', -1)")).containsExactly(null, null, null);
        assertThat(strings("a::b::c").eval("SPLIT_INDEX(s, '::', 1)")).containsExactly("b");
    }

    @Test
    void paddingFollowsFlink() {
        ExpressionFixture f = strings("hi", "hello", null);
        assertThat(f.eval("LPAD(s, 4, '??')")).containsExactly("??hi", "hell", null);
        assertThat(f.eval("RPAD(s, 5, 'ab')")).containsExactly("hiaba", "hello", null);
        assertThat(f.eval("LPAD(s, 0, 'x')")).containsExactly("", "", null);
        assertThat(f.eval("LPAD(s, -1, 'x')")).containsExactly(null, null, null);
        assertThat(f.eval("RPAD(s, 4, '')")).containsExactly(null, null, null);
    }
}
