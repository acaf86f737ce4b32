package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StringMemoTest {

    @Test
    void whenInputsRepeat_thenEachResultIsTheFunctionsAndRepeatsAreMostlyNotRecomputed() {
        AtomicInteger calls = new AtomicInteger();
        StringMemo memo = new StringMemo(s -> {
            calls.incrementAndGet();
            return s.startsWith("x") ? null : s.toUpperCase();
        });
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 500; i++) {
                // New String instances each round: equal inputs hit, not only identical ones.
                String input = new String((i % 2 == 0 ? "x" : "c") + i);
                assertThat(memo.apply(input)).isEqualTo(i % 2 == 0 ? null : input.toUpperCase());
            }
        }
        // A few inputs whose two slots are both taken evict others; all the rest are computed once.
        assertThat(calls.get()).isBetween(500, 600);
    }

    @Test
    void whenInputsRarelyRepeat_thenTheMemoSwitchesOffAndStillGivesTheFunctionsResults() {
        AtomicInteger calls = new AtomicInteger();
        StringMemo memo = new StringMemo(s -> {
            calls.incrementAndGet();
            return s + "!";
        });
        int n = StringMemo.PROBATION * 2;
        for (int i = 0; i < n; i++) {
            assertThat(memo.apply("v" + i)).isEqualTo("v" + i + "!");
        }
        calls.set(0);
        for (int i = 0; i < 100; i++) {
            assertThat(memo.apply("same")).isEqualTo("same!");
        }
        // Switched off: even a repeated input is computed again.
        assertThat(calls.get()).isEqualTo(100);
    }
}
