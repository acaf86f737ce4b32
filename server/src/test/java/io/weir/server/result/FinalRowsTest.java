package io.weir.server.result;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.Vector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalRowsTest {

    /** A chunk of (key, count) rows with the given kinds. */
    private static Chunk chunk(long[][] rows, RowKind... kinds) {
        LongVector keys = new LongVector(rows.length);
        LongVector counts = new LongVector(rows.length);
        byte[] codes = new byte[rows.length];
        for (int r = 0; r < rows.length; r++) {
            keys.set(r, rows[r][0]);
            counts.set(r, rows[r][1]);
            codes[r] = kinds[r].code();
        }
        return new Chunk(new Vector[] {keys, counts}, rows.length, codes);
    }

    private static List<String> rows(List<Chunk> chunks) {
        List<String> rows = new ArrayList<>();
        for (Chunk chunk : chunks) {
            assertThat(chunk.isInsertOnly()).isTrue();
            for (int r = 0; r < chunk.size(); r++) {
                rows.add(chunk.rowKind(r).shortString() + java.util.Arrays.toString(chunk.rowObjects(r)));
            }
        }
        return rows;
    }

    @Test
    void whenTheChangelogUpdatesRows_thenOnlyTheLatestVersionOfEachRemainsInArrivalOrder() {
        List<Chunk> changelog = List.of(
                chunk(new long[][] {{1, 1}, {2, 1}}, RowKind.INSERT, RowKind.INSERT),
                chunk(new long[][] {{1, 1}, {1, 3}, {3, 1}}, RowKind.UPDATE_BEFORE, RowKind.UPDATE_AFTER,
                        RowKind.INSERT),
                chunk(new long[][] {{2, 1}}, RowKind.DELETE));

        assertThat(rows(FinalRows.of(changelog))).containsExactly("+I[1, 3]", "+I[3, 1]");
    }

    @Test
    void whenEveryRowIsAnInsert_thenTheChunksAreAnsweredAsTheyAre() {
        List<Chunk> inserts = List.of(new Chunk(new Vector[] {new LongVector(2)}, 2));

        assertThat(FinalRows.of(inserts)).isSameAs(inserts);
    }
}
