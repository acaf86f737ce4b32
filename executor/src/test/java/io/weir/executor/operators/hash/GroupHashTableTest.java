package io.weir.executor.operators.hash;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.util.List;
import org.junit.jupiter.api.Test;

class GroupHashTableTest {

    private static int[] findOrInsert(GroupHashTable table, Vector[] keys, int count) {
        int[] hashes = new int[count];
        int[] ids = new int[count];
        GroupHashTable.hash(keys, count, hashes);
        table.findOrInsert(keys, hashes, count, ids);
        return ids;
    }

    private static int[] find(GroupHashTable table, Vector[] keys, int count) {
        int[] hashes = new int[count];
        int[] ids = new int[count];
        GroupHashTable.hash(keys, count, hashes);
        table.find(keys, hashes, count, ids);
        return ids;
    }

    private static LongVector longs(Long... values) {
        LongVector v = new LongVector(values.length);
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                v.setNull(i);
            } else {
                v.set(i, values[i]);
            }
        }
        return v;
    }

    @Test
    void whenKeysRepeat_thenIdsAreDenseInOrderOfFirstAppearance() {
        GroupHashTable table = new GroupHashTable(List.of(DataType.BIGINT));

        int[] ids = findOrInsert(table, new Vector[] {longs(7L, 3L, 7L, null, 3L, null, 9L)}, 7);

        assertThat(ids).containsExactly(0, 1, 0, 2, 1, 2, 3);
        assertThat(table.size()).isEqualTo(4);
        assertThat(table.keyColumn(0).isNull(2)).isTrue();
        assertThat(((LongVector) table.keyColumn(0)).get(3)).isEqualTo(9L);
    }

    @Test
    void whenLookingUpWithoutInserting_thenAbsentKeysGiveMinusOne() {
        GroupHashTable table = new GroupHashTable(List.of(DataType.BIGINT));
        findOrInsert(table, new Vector[] {longs(1L, 2L)}, 2);

        assertThat(find(table, new Vector[] {longs(2L, 5L, null, 1L)}, 4)).containsExactly(1, -1, -1, 0);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void whenKeysSpanSeveralColumns_thenOnlyEqualTuplesShareAGroup() {
        GroupHashTable table = new GroupHashTable(List.of(DataType.BIGINT, DataType.STRING));
        StringVector names = new StringVector(4);
        names.set(0, "a");
        names.set(1, "a");
        names.set(2, null);
        names.set(3, "a");

        int[] ids = findOrInsert(table, new Vector[] {longs(1L, 2L, 1L, 1L), names}, 4);

        assertThat(ids).containsExactly(0, 1, 2, 0);
    }

    @Test
    void whenManyKeysForceGrowth_thenEveryKeyKeepsItsId() {
        GroupHashTable table = new GroupHashTable(List.of(DataType.BIGINT), 4);
        int n = 50_000;
        LongVector keys = new LongVector(n);
        for (int i = 0; i < n; i++) {
            keys.set(i, i * 1024L);
        }

        int[] ids = findOrInsert(table, new Vector[] {keys}, n);
        int[] again = find(table, new Vector[] {keys}, n);

        for (int i = 0; i < n; i++) {
            assertThat(ids[i]).isEqualTo(i);
        }
        assertThat(again).isEqualTo(ids);
    }

    @Test
    void whenTableHasNoKeyColumns_thenThereIsExactlyOneGroup() {
        GroupHashTable table = new GroupHashTable(List.of());

        assertThat(findOrInsert(table, new Vector[0], 3)).containsExactly(0, 0, 0);
        assertThat(table.emptyKeyGroup()).isZero();
        assertThat(table.size()).isEqualTo(1);
    }
}
