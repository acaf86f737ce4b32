package io.weir.executor.operators;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;
import io.weir.executor.operators.aggregate.AggregateCallState;
import io.weir.executor.operators.hash.GroupHashTable;
import java.util.ArrayList;
import java.util.List;

/**
 * Batch GROUP BY: accumulates every input row into its group and emits one row per group when the input
 * ends. Output columns: the group key columns (in {@code groupKeys} order), then one column per call.
 *
 * <p>Without group keys (a global aggregate) it emits exactly one row, even for an empty input: COUNT and
 * SUM0 give 0 there, every other function null. With group keys an empty input gives no rows.
 *
 * <p>Input is treated as insert-only (batch); row kinds are ignored and output rows are inserts.
 */
public final class HashAggregateOperator implements Operator {

    private final int[] groupKeys;
    private final List<DataType> keyTypes;
    private final List<AggregateCall> calls;

    private GroupHashTable groups;
    private AggregateCallState[] states;
    private int chunkSize;
    private int[] hashes = new int[0];
    private int[] groupIds = new int[0];

    public HashAggregateOperator(int[] groupKeys, List<DataType> inputTypes, List<AggregateCall> calls) {
        this.groupKeys = groupKeys.clone();
        List<DataType> types = new ArrayList<>(groupKeys.length);
        for (int key : groupKeys) {
            types.add(inputTypes.get(key));
        }
        this.keyTypes = List.copyOf(types);
        this.calls = List.copyOf(calls);
    }

    @Override
    public void open(OperatorContext context) {
        chunkSize = context.chunkSize();
        groups = new GroupHashTable(keyTypes);
        states = new AggregateCallState[calls.size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new AggregateCallState(calls.get(i));
        }
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        int size = chunk.size();
        if (size == 0) {
            return;
        }
        if (hashes.length < size) {
            hashes = new int[size];
            groupIds = new int[size];
        }
        Vector[] keys = chunk.columns(groupKeys);
        GroupHashTable.hash(keys, size, hashes);
        groups.findOrInsert(keys, hashes, size, groupIds);
        int groupCount = groups.size();
        for (AggregateCallState state : states) {
            state.accumulate(chunk, groupIds, groupCount);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (groupKeys.length == 0) {
            groups.emptyKeyGroup();
        }
        int groupCount = groups.size();
        for (int from = 0; from < groupCount; from += chunkSize) {
            int count = Math.min(chunkSize, groupCount - from);
            out.emit(resultChunk(from, count, groupCount));
        }
    }

    private Chunk resultChunk(int from, int count, int groupCount) {
        Vector[] columns = new Vector[groupKeys.length + states.length];
        for (int k = 0; k < groupKeys.length; k++) {
            Vector key = groups.keyColumn(k);
            columns[k] = key.newEmpty(count);
            columns[k].copyRange(key, from, 0, count);
        }
        for (int i = 0; i < states.length; i++) {
            columns[groupKeys.length + i] = states[i].results(from, count, groupCount);
        }
        return new Chunk(columns, count);
    }

    @Override
    public void close() {
        groups = null;
        states = null;
    }
}
