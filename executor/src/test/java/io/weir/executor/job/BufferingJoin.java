package io.weir.executor.job;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A join-like test operator: input 0 is the build side (a set of values), input 1 the probe side. Probe chunks
 * that arrive before the build side has ended are buffered, as a real hash join must, since the runtime delivers
 * both inputs interleaved. Emits every probe value that the build side holds.
 */
final class BufferingJoin implements Operator {

    private final Set<Long> build = new HashSet<>();
    private final List<Chunk> pendingProbe = new ArrayList<>();
    private boolean buildEnded;

    static OperatorFactory factory() {
        return BufferingJoin::new;
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (input == 0) {
            LongVector column = chunk.longColumn(0);
            for (int row = 0; row < chunk.size(); row++) {
                build.add(column.get(row));
            }
        } else if (buildEnded) {
            probe(chunk, out);
        } else {
            pendingProbe.add(chunk);
        }
    }

    @Override
    public void endInput(int input, Output out) {
        if (input == 0) {
            buildEnded = true;
            for (Chunk chunk : pendingProbe) {
                probe(chunk, out);
            }
            pendingProbe.clear();
        }
    }

    private void probe(Chunk chunk, Output out) {
        LongVector column = chunk.longColumn(0);
        long[] matches = new long[chunk.size()];
        int count = 0;
        for (int row = 0; row < chunk.size(); row++) {
            if (build.contains(column.get(row))) {
                matches[count++] = column.get(row);
            }
        }
        if (count > 0) {
            out.emit(new Chunk(new Vector[] {LongVector.wrap(matches)}, count));
        }
    }
}
