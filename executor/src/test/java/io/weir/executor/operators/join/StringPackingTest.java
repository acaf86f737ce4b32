package io.weir.executor.operators.join;

import static io.weir.executor.operators.Rows.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.operators.Chunks;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StringPackingTest {

    /** (key STRING, channel STRING from a pool, extra STRING made per row, price BIGINT). */
    private static final List<DataType> BID = List.of(DataType.STRING, DataType.STRING, DataType.STRING,
            DataType.BIGINT);
    private static final String[] CHANNELS = {"apple", "google", "facebook", "baidu"};

    private static Chunk bids(int rows) {
        List<List<Object>> out = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            out.add(row("auction-" + i % 7, CHANNELS[i % CHANNELS.length], "extra " + i, (long) i));
        }
        return Chunks.of(BID, out);
    }

    @Test
    void whenManyRowsArriveAndAreRarelyReadBack_thenOnlyTheirPerRowStringsThatAreNotKeysArePacked() {
        StringPacking packing = new StringPacking(new int[] {0});
        packing.arrived(bids(1024));
        assertThat(packing.columnsForNewPartition()).as("too few rows to tell yet").isNull();

        for (int i = 0; i < 16; i++) {
            packing.arrived(bids(1024));
        }
        packing.readBack(100);

        assertThat(packing.columnsForNewPartition()).containsExactly(false, false, true, false);
    }

    @Test
    void whenStoredRowsAreReadBackOften_thenNothingIsPacked() {
        StringPacking packing = new StringPacking(new int[] {0});
        for (int i = 0; i < 20; i++) {
            packing.arrived(bids(1024));
            packing.readBack(1024);
        }

        assertThat(packing.columnsForNewPartition()).isNull();
    }

    @Test
    void whenOnlySmallChunksHaveArrived_thenTheColumnsAreNotJudgedOnThem() {
        StringPacking packing = new StringPacking(new int[] {3});
        for (int i = 0; i < 20_000; i++) {
            packing.arrived(bids(1));
        }
        assertThat(packing.columnsForNewPartition()).isNull();

        packing.arrived(bids(256));

        // The keys of this input are prices: its per-row auction names are packed too.
        assertThat(packing.columnsForNewPartition()).containsExactly(true, false, true, false);
    }
}
