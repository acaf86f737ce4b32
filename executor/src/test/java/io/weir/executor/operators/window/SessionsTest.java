package io.weir.executor.operators.window;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.Chunks;
import io.weir.executor.operators.hash.GroupHashTable;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bookkeeping under session windows: state must follow the sessions that are open, not all ever seen. */
class SessionsTest {

    private static final List<DataType> KEY = List.of(DataType.STRING);

    private static int assign(Sessions sessions, String key, long time) {
        Chunk chunk = Chunks.of(KEY, row(key));
        Vector[] columns = {chunk.column(0)};
        int[] hash = new int[1];
        GroupHashTable.hash(columns, 1, hash);
        return sessions.assign(sessions.key(columns, 0, hash[0]), time);
    }

    private static void closeUpTo(Sessions sessions, long watermark) {
        for (int slot : sessions.takeClosed(watermark)) {
            sessions.remove(slot);
        }
        sessions.endChunk();
    }

    @Test
    void whenMostKeysHaveNoOpenSessionLeft_thenTheKeyTableKeepsOnlyTheLiveOnes() {
        Sessions sessions = new Sessions(KEY, 10);
        for (int i = 0; i < 3000; i++) {
            assign(sessions, "k" + i, i);
        }
        int live = assign(sessions, "live", 10_000);

        closeUpTo(sessions, 5000);
        sessions.compactKeys();

        assertThat(sessions.internedKeys()).isEqualTo(1);
        assertThat(assign(sessions, "live", 10_005)).isEqualTo(live);
        assertThat(sessions.end(live)).isEqualTo(10_015);
        Vector key = sessions.keyColumn(0, new int[] {live}, 0, 1);
        assertThat(key.getObject(0)).isEqualTo("live");
        assertThat(assign(sessions, "k7", 20_000)).isNotEqualTo(live);
        assertThat(sessions.internedKeys()).isEqualTo(2);
    }

    @Test
    void whenSessionsOpenAndCloseForever_thenSlotsAreReused() {
        Sessions sessions = new Sessions(KEY, 10);
        for (int round = 0; round < 1000; round++) {
            assign(sessions, "k" + (round % 7), round * 100L);
            assign(sessions, "x", round * 100L + 50);
            closeUpTo(sessions, round * 100L + 60);
        }

        assertThat(sessions.slotCount()).isLessThanOrEqualTo(4);
    }

    @Test
    void whenARowBridgesSessions_thenTheMergeIsReportedAndTheAbsorbedSlotResolvesToTheSurvivor() {
        Sessions sessions = new Sessions(KEY, 10);
        int first = assign(sessions, "a", 0);
        int second = assign(sessions, "a", 15);
        sessions.endChunk();

        int bridge = assign(sessions, "a", 8);

        assertThat(sessions.mergeCount()).isEqualTo(1);
        assertThat(sessions.resolve(first)).isEqualTo(bridge);
        assertThat(sessions.resolve(second)).isEqualTo(bridge);
        assertThat(sessions.start(bridge)).isZero();
        assertThat(sessions.end(bridge)).isEqualTo(25);
        sessions.endChunk();
        assertThat(sessions.takeClosed(24)).containsExactly(bridge);
    }

    @Test
    void whenSessionsWithDistinctValuesClose_thenTheirValuesAreEventuallyForgotten() {
        Sessions sessions = new Sessions(KEY, 10);
        SessionDistinctValues distinct = new SessionDistinctValues(
                new AggregateCall(AggregateKind.COUNT, 0, -1, true, DataType.STRING, DataType.BIGINT));
        for (int round = 0; round < 100; round++) {
            List<List<Object>> rows = new ArrayList<>();
            int[] slots = new int[50];
            int[] selection = new int[50];
            for (int i = 0; i < 50; i++) {
                rows.add(row("v" + i));
                slots[i] = assign(sessions, "k" + round, round * 100L);
                selection[i] = i;
            }
            assertThat(distinct.keepNew(Chunks.of(KEY, rows), slots, selection, 50, sessions)).isEqualTo(50);
            for (int slot : sessions.takeClosed(round * 100L + 50)) {
                distinct.clear(slot);
                sessions.remove(slot);
            }
            distinct.compact(sessions);
        }

        assertThat(distinct.entries()).isLessThan(2100);
    }
}
