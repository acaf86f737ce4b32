package io.weir.executor.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.checkpoint.StateOutput;
import io.weir.executor.checkpoint.ValueCodec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackedStringsTest {

    /** Short and long, ASCII and not, empty, null, a length whose prefix takes two bytes, one larger than a page. */
    private static final List<String> VALUES = List.of("", "a", "channel-7", "sixteen chars ok", "seventeen chars!!",
            "x".repeat(127), "y".repeat(128), "caf\u00e9", "\u4e2d\u6587 and more text than sixteen chars",
            "z".repeat(300_000), "\ud83d\ude00 emoji");

    private static StringVector vector(List<String> values) {
        StringVector vector = new StringVector(values.size());
        for (int row = 0; row < values.size(); row++) {
            vector.set(row, values.get(row));
        }
        return vector;
    }

    private static List<String> withNulls() {
        List<String> values = new ArrayList<>();
        for (String value : VALUES) {
            values.add(value);
            values.add(null);
        }
        return values;
    }

    private static List<String> read(PackedStrings packed) {
        List<String> values = new ArrayList<>();
        for (int row = 0; row < packed.size(); row++) {
            values.add(packed.get(row));
        }
        return values;
    }

    @Test
    void whenStringsAreAppended_thenEachReadsBackAsWrittenWithItsNulls() {
        List<String> values = withNulls();
        PackedStrings packed = new PackedStrings(2);
        packed.append(vector(values), 0, 5);
        packed.append(vector(values), 5, values.size() - 5);

        assertThat(read(packed)).isEqualTo(values);
        assertThat(packed.mayHaveNulls()).isTrue();
        StringVector gathered = packed.gather(new int[] {7, 0, 1}, 3);
        assertThat(Arrays.asList(gathered.get(0), gathered.get(1), gathered.isNull(2)))
                .containsExactly(values.get(7), values.get(0), true);
    }

    @Test
    void whenRowsAreWrittenToState_thenTheBytesAreTheNonNullStringsAsValueCodecWritesThem() throws Exception {
        // Twice over, so the rows span pages (one value is larger than a page) and runs break at page ends.
        List<String> values = new ArrayList<>(withNulls());
        values.addAll(withNulls());
        PackedStrings packed = new PackedStrings(4);
        packed.append(vector(values), 0, values.size());
        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        ByteArrayOutputStream encoded = new ByteArrayOutputStream();
        StateOutput state = new StateOutput();
        int from = 3;
        packed.writeEncoded(new DataOutputStream(copied), from, values.size());
        packed.writeEncoded(state, from, values.size());
        for (String value : values.subList(from, values.size())) {
            if (value != null) {
                ValueCodec.writeString(new DataOutputStream(encoded), value);
            }
        }

        assertThat(copied.toByteArray()).isEqualTo(encoded.toByteArray()).isEqualTo(state.toByteArray());
    }

    @Test
    void whenRowsAreAppendedAfterAFrozenView_thenTheViewStillReadsTheRowsItCovers() {
        List<String> values = withNulls();
        PackedStrings packed = new PackedStrings(1);
        packed.append(vector(values), 0, 3);
        PackedStrings view = packed.frozenView();
        for (int i = 0; i < 50; i++) {
            packed.append(vector(values), 0, values.size());
        }

        assertThat(read(view)).isEqualTo(values.subList(0, 3));
        assertThat(packed.size()).isEqualTo(3 + 50 * values.size());
    }

    @Test
    void whenStringsAreMadePerRow_thenTheyAreMostlyDistinct_andSharedOnesAreNot() {
        List<String> perRow = new ArrayList<>();
        List<String> pooled = new ArrayList<>();
        String[] pool = {"channel-1", "channel-2", "channel-3"};
        for (int i = 0; i < 100; i++) {
            // Equal values, but each a string of its own, as a source makes them: distinct objects.
            perRow.add("extra " + i % 10);
            pooled.add(pool[i % pool.length]);
        }

        assertThat(PackedStrings.mostlyDistinct(vector(perRow), perRow.size())).isTrue();
        assertThat(PackedStrings.mostlyDistinct(vector(pooled), pooled.size())).isFalse();
    }
}
