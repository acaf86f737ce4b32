package io.weir.server.result;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.RowKind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a changelog leaves, for a query that runs in streaming mode over bounded input and answers with its rows
 * when it ends: an updating result (a GROUP BY) then answers its final table, as the same query in batch mode would,
 * rather than every intermediate version of a row. {@code +I} and {@code +U} add a row; {@code -U} and {@code -D}
 * take back the latest equal row. The rows that remain keep the order in which they arrived.
 */
public final class FinalRows {

    private FinalRows() {
    }

    /** {@code chunks} unchanged when every row is an insert, else the remaining rows as insert-only chunks. */
    public static List<Chunk> of(List<Chunk> chunks) {
        if (chunks.stream().allMatch(Chunk::isInsertOnly)) {
            return chunks;
        }
        // Live copies of each row value, as (chunk index, row) positions packed in a long.
        Map<List<Object>, ArrayDeque<Long>> live = new HashMap<>();
        for (int c = 0; c < chunks.size(); c++) {
            Chunk chunk = chunks.get(c);
            for (int row = 0; row < chunk.size(); row++) {
                List<Object> value = Arrays.asList(chunk.rowObjects(row));
                RowKind kind = chunk.rowKind(row);
                if (kind == RowKind.INSERT || kind == RowKind.UPDATE_AFTER) {
                    live.computeIfAbsent(value, v -> new ArrayDeque<>()).addLast(((long) c << 32) | row);
                } else {
                    ArrayDeque<Long> copies = live.get(value);
                    if (copies != null) {
                        copies.pollLast();
                        if (copies.isEmpty()) {
                            live.remove(value);
                        }
                    }
                }
            }
        }
        long[] positions = live.values().stream().flatMap(ArrayDeque::stream).mapToLong(Long::longValue).sorted()
                .toArray();
        List<Chunk> remaining = new ArrayList<>();
        int from = 0;
        while (from < positions.length) {
            int chunk = (int) (positions[from] >>> 32);
            int to = from;
            while (to < positions.length && (int) (positions[to] >>> 32) == chunk) {
                to++;
            }
            int[] rows = new int[to - from];
            for (int i = from; i < to; i++) {
                rows[i - from] = (int) positions[i];
            }
            Chunk kept = chunks.get(chunk).select(rows, rows.length);
            remaining.add(new Chunk(kept.columns(), kept.size()));
            from = to;
        }
        return remaining;
    }
}
