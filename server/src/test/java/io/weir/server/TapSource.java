package io.weir.server;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceOutput;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * An unbounded source of one BIGINT column whose rows the test pushes: it emits what was pushed, when it was
 * pushed, and nothing else; it ends or fails when told to. One subtask.
 */
final class TapSource implements SourceFactory {

    private static final Object END = new Object();

    private final ConcurrentLinkedQueue<Object> items = new ConcurrentLinkedQueue<>();

    /** Emits these values as one chunk. */
    void push(long... values) {
        items.add(values.clone());
    }

    /** Ends the input: the query finishes once everything before was delivered. */
    void end() {
        items.add(END);
    }

    /** Fails the query with an execution error carrying {@code message}. */
    void fail(String message) {
        items.add(WeirException.execution(message));
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        return out -> poll(out);
    }

    private InputStatus poll(SourceOutput out) {
        Object item = items.poll();
        if (item == null) {
            return InputStatus.NOTHING_AVAILABLE;
        }
        if (item == END) {
            return InputStatus.END_OF_INPUT;
        }
        if (item instanceof WeirException failure) {
            throw failure;
        }
        long[] values = (long[]) item;
        out.emit(new Chunk(new Vector[] {LongVector.wrap(values)}, values.length));
        return InputStatus.MORE_AVAILABLE;
    }

    @Override
    public boolean isBounded() {
        return false;
    }
}
