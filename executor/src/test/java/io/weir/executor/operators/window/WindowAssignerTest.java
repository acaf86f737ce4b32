package io.weir.executor.operators.window;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WindowAssignerTest {

    /** The windows containing {@code time}, as "[start, end)" strings in the assigner's order. */
    private static List<String> windows(WindowSpec spec, long time) {
        WindowAssigner assigner = new WindowAssigner(spec);
        int count = assigner.assign(time);
        List<String> result = new ArrayList<>();
        for (int j = 0; j < count; j++) {
            result.add("[" + assigner.start(j) + ", " + assigner.end(j) + ")");
        }
        return result;
    }

    /** The windows containing {@code time} by brute force: every candidate window, tested for containment. */
    private static List<String> bruteForce(WindowSpec spec, long time) {
        List<String> result = new ArrayList<>();
        long unit = spec.kind() == WindowKind.HOP ? spec.slideMillis() : spec.sizeMillis();
        for (long start = time - 3 * spec.sizeMillis() - 3 * unit; start <= time; start++) {
            if (Math.floorMod(start - spec.offsetMillis(), unit) != 0) {
                continue;
            }
            if (spec.kind() == WindowKind.CUMULATE) {
                for (long end = start + spec.slideMillis(); end <= start + spec.sizeMillis(); end += spec.slideMillis()) {
                    if (time < end) {
                        result.add("[" + start + ", " + end + ")");
                    }
                }
            } else if (time < start + spec.sizeMillis()) {
                result.add("[" + start + ", " + (start + spec.sizeMillis()) + ")");
            }
        }
        return result;
    }

    @Test
    void whenTumbling_thenEachTimeIsInTheOneWindowThatStartsAtOrBeforeIt() {
        WindowSpec spec = WindowSpec.tumble(10, 0, TimeKind.EVENT);

        assertThat(windows(spec, 0)).containsExactly("[0, 10)");
        assertThat(windows(spec, 9)).containsExactly("[0, 10)");
        assertThat(windows(spec, 10)).containsExactly("[10, 20)");
    }

    @Test
    void whenTimesAreNegative_thenWindowsStillAlignToTheEpoch() {
        WindowSpec spec = WindowSpec.tumble(10, 0, TimeKind.EVENT);

        assertThat(windows(spec, -1)).containsExactly("[-10, 0)");
        assertThat(windows(spec, -10)).containsExactly("[-10, 0)");
        assertThat(windows(spec, -11)).containsExactly("[-20, -10)");
    }

    @Test
    void whenAnOffsetIsGiven_thenWindowStartsShiftByIt() {
        assertThat(windows(WindowSpec.tumble(10, 3, TimeKind.EVENT), 2)).containsExactly("[-7, 3)");
        assertThat(windows(WindowSpec.tumble(10, 3, TimeKind.EVENT), 3)).containsExactly("[3, 13)");
        // An offset beyond the size or below zero is taken modulo the size.
        assertThat(windows(WindowSpec.tumble(10, -7, TimeKind.EVENT), 3)).containsExactly("[3, 13)");
        assertThat(windows(WindowSpec.tumble(10, 23, TimeKind.EVENT), 3)).containsExactly("[3, 13)");
    }

    @Test
    void whenHopping_thenATimeIsInSizeOverSlideWindowsInAscendingOrder() {
        WindowSpec spec = WindowSpec.hop(10, 5, 0, TimeKind.EVENT);

        assertThat(windows(spec, 0)).containsExactly("[-5, 5)", "[0, 10)");
        assertThat(windows(spec, 4)).containsExactly("[-5, 5)", "[0, 10)");
        assertThat(windows(spec, 5)).containsExactly("[0, 10)", "[5, 15)");
        assertThat(windows(spec, -6)).containsExactly("[-15, -5)", "[-10, 0)");
    }

    @Test
    void whenTheHopIsWiderThanTheWindow_thenTimesInTheGapsHaveNoWindow() {
        WindowSpec spec = WindowSpec.hop(3, 5, 0, TimeKind.EVENT);

        assertThat(windows(spec, 2)).containsExactly("[0, 3)");
        assertThat(windows(spec, 3)).isEmpty();
        assertThat(windows(spec, 4)).isEmpty();
        assertThat(windows(spec, 5)).containsExactly("[5, 8)");
    }

    @Test
    void whenCumulating_thenATimeIsInEveryGrowingWindowOfItsTumblingWindowThatReachesPastIt() {
        WindowSpec spec = WindowSpec.cumulate(12, 4, 0, TimeKind.EVENT);

        assertThat(windows(spec, 0)).containsExactly("[0, 4)", "[0, 8)", "[0, 12)");
        assertThat(windows(spec, 4)).containsExactly("[0, 8)", "[0, 12)");
        assertThat(windows(spec, 11)).containsExactly("[0, 12)");
        assertThat(windows(spec, 12)).containsExactly("[12, 16)", "[12, 20)", "[12, 24)");
        assertThat(windows(spec, -1)).containsExactly("[-12, 0)");
    }

    @Test
    void whenComparedWithBruteForceOverManyTimesAndOffsets_thenEveryKindAgrees() {
        List<WindowSpec> specs = new ArrayList<>();
        for (long offset : new long[] {0, 1, -4, 7, 25}) {
            specs.add(WindowSpec.tumble(6, offset, TimeKind.EVENT));
            specs.add(WindowSpec.hop(6, 2, offset, TimeKind.EVENT));
            specs.add(WindowSpec.hop(7, 3, offset, TimeKind.EVENT));
            specs.add(WindowSpec.hop(2, 5, offset, TimeKind.EVENT));
            specs.add(WindowSpec.cumulate(6, 2, offset, TimeKind.EVENT));
            specs.add(WindowSpec.cumulate(6, 6, offset, TimeKind.EVENT));
        }
        for (WindowSpec spec : specs) {
            for (long time = -40; time <= 40; time++) {
                assertThat(windows(spec, time)).as("%s at %d", spec, time).isEqualTo(bruteForce(spec, time));
                assertThat((long) windows(spec, time).size()).isLessThanOrEqualTo(spec.maxWindowsPerRow());
            }
        }
    }

    @Test
    void whenASpecIsInvalid_thenItIsRejectedWithTheReason() {
        assertThatThrownBy(() -> WindowSpec.tumble(0, 0, TimeKind.EVENT)).hasMessageContaining("positive");
        assertThatThrownBy(() -> WindowSpec.hop(10, 0, 0, TimeKind.EVENT)).hasMessageContaining("positive");
        assertThatThrownBy(() -> WindowSpec.cumulate(10, 3, 0, TimeKind.EVENT)).hasMessageContaining("multiple");
        assertThatThrownBy(() -> new WindowSpec(WindowKind.TUMBLE, 10, 5, 0, TimeKind.EVENT))
                .hasMessageContaining("equal");
    }
}
