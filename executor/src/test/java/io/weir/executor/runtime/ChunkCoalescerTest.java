package io.weir.executor.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkCoalescerTest {

    private final List<Chunk> sent = new ArrayList<>();

    private static Chunk longs(long... values) {
        return new Chunk(new Vector[] {LongVector.wrap(values.clone())}, values.length);
    }

    private List<Long> sentValues() {
        List<Long> values = new ArrayList<>();
        for (Chunk chunk : sent) {
            for (int row = 0; row < chunk.size(); row++) {
                values.add(chunk.longColumn(0).get(row));
            }
        }
        return values;
    }

    @Test
    void whenSmallChunksArrive_thenTheyLeaveAsFullChunksInOrder() {
        ChunkCoalescer coalescer = new ChunkCoalescer(8, sent::add);

        coalescer.add(longs(1, 2, 3));
        coalescer.add(longs(4, 5, 6));
        coalescer.add(longs(7, 8, 9));

        assertThat(sent).extracting(Chunk::size).containsExactly(8);
        assertThat(coalescer.isEmpty()).isFalse();
        coalescer.flush();
        assertThat(sentValues()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(coalescer.isEmpty()).isTrue();
    }

    @Test
    void whenASmallChunkOverflowsTheBuffer_thenItIsSplitAcrossTwoChunks() {
        ChunkCoalescer coalescer = new ChunkCoalescer(10, sent::add);

        coalescer.add(longs(1, 2, 3, 4));
        coalescer.add(longs(5, 6, 7, 8));
        coalescer.add(longs(9, 10, 11, 12));
        coalescer.flush();

        assertThat(sent).extracting(Chunk::size).containsExactly(10, 2);
        assertThat(sentValues()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L);
    }

    @Test
    void whenALargeChunkArrives_thenItPassesUntouchedAfterTheBufferedRows() {
        ChunkCoalescer coalescer = new ChunkCoalescer(4, sent::add);
        Chunk large = longs(7, 8, 9);

        coalescer.add(longs(1));
        coalescer.add(large);

        assertThat(sent).hasSize(2);
        assertThat(sent.get(1)).isSameAs(large);
        assertThat(sentValues()).containsExactly(1L, 7L, 8L, 9L);
    }

    @Test
    void whenBufferedRowsAreFlushed_thenTheSentChunkIsNeverWrittenAgain() {
        ChunkCoalescer coalescer = new ChunkCoalescer(4, sent::add);
        coalescer.add(longs(1));
        coalescer.flush();

        coalescer.add(longs(2));
        coalescer.flush();

        assertThat(sent.get(0).longColumn(0).get(0)).isEqualTo(1L);
        assertThat(sent.get(0).column(0)).isNotSameAs(sent.get(1).column(0));
    }

    @Test
    void whenRowsCarryKindsAndNulls_thenBothSurviveCoalescing() {
        ChunkCoalescer coalescer = new ChunkCoalescer(8, sent::add);
        StringVector names = new StringVector(2);
        names.set(0, "a");
        names.set(1, null);
        Chunk withKinds = new Chunk(new Vector[] {names}, 2,
                new byte[] {RowKind.UPDATE_BEFORE.code(), RowKind.UPDATE_AFTER.code()});
        StringVector more = new StringVector(1);
        more.set(0, "b");

        coalescer.add(new Chunk(new Vector[] {more}, 1));
        coalescer.add(withKinds);
        coalescer.flush();

        Chunk chunk = sent.get(0);
        assertThat(chunk.size()).isEqualTo(3);
        assertThat(chunk.rowKind(0)).isEqualTo(RowKind.INSERT);
        assertThat(chunk.rowKind(1)).isEqualTo(RowKind.UPDATE_BEFORE);
        assertThat(chunk.rowKind(2)).isEqualTo(RowKind.UPDATE_AFTER);
        assertThat(chunk.stringColumn(0).get(1)).isEqualTo("a");
        assertThat(chunk.column(0).isNull(0)).isFalse();
        assertThat(chunk.column(0).isNull(2)).isTrue();
    }

    @Test
    void whenChunksHaveNoColumns_thenRowsAreStillCounted() {
        ChunkCoalescer coalescer = new ChunkCoalescer(100, sent::add);

        coalescer.add(new Chunk(new Vector[0], 3));
        coalescer.add(new Chunk(new Vector[0], 4));
        coalescer.flush();

        assertThat(sent).extracting(Chunk::size).containsExactly(7);
    }

    @Test
    void whenAnEmptyChunkArrivesOrNothingIsBuffered_thenNothingIsSent() {
        ChunkCoalescer coalescer = new ChunkCoalescer(4, sent::add);

        coalescer.add(longs());
        coalescer.flush();

        assertThat(sent).isEmpty();
    }
}
