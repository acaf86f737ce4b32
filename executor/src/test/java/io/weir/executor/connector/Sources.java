package io.weir.executor.connector;

import io.weir.executor.testing.FakeOperatorContext;
import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.data.DataType;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Drives source readers to their end the way a task would, for tests. */
public final class Sources {

    private static final int MAX_POLLS = 1_000_000;

    private Sources() {
    }

    /** Reads the share of {@code subtask}; a {@link MutableClock} is advanced whenever the reader has to wait. */
    public static CollectingOutput readSubtask(SourceFactory factory, int subtask, int parallelism, int chunkSize,
            Clock clock) throws Exception {
        CollectingOutput out = new CollectingOutput();
        SourceReader reader = factory.createReader(subtask, parallelism);
        try {
            reader.open(new FakeOperatorContext(subtask, parallelism, chunkSize, clock));
            for (int polls = 0; polls < MAX_POLLS; polls++) {
                InputStatus status = reader.pollNext(out);
                if (status == InputStatus.END_OF_INPUT) {
                    return out;
                }
                if (status == InputStatus.NOTHING_AVAILABLE) {
                    // A rate-limited source waits for time to pass: let a second pass, as a real clock would.
                    if (!(clock instanceof MutableClock mutable)) {
                        throw new AssertionError("Reader of subtask " + subtask + " stalled after " + out.rowCount()
                                + " rows");
                    }
                    mutable.advance(1_000);
                }
            }
        } finally {
            reader.close();
        }
        throw new AssertionError("Reader of subtask " + subtask + " did not end");
    }

    /** Every row of every subtask, subtask 0 first. */
    public static List<List<Object>> readAll(SourceFactory factory, List<DataType> types, int parallelism,
            int chunkSize) throws Exception {
        List<List<Object>> rows = new ArrayList<>();
        for (int s = 0; s < parallelism; s++) {
            rows.addAll(readSubtask(factory, s, parallelism, chunkSize, new MutableClock(0)).rows(types));
        }
        return rows;
    }

    public static List<List<Object>> readAll(SourceFactory factory, List<DataType> types) throws Exception {
        return readAll(factory, types, 1, 1024);
    }
}
