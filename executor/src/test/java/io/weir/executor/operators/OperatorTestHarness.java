package io.weir.executor.operators;

import io.weir.executor.api.Operator;
import io.weir.executor.api.Output;
import io.weir.executor.api.StateReader;
import io.weir.executor.checkpoint.OperatorStateData;
import io.weir.executor.connector.MutableClock;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.RowKind;
import io.weir.executor.data.StreamElement;
import io.weir.executor.data.Watermark;
import io.weir.executor.testing.FakeOperatorContext;
import io.weir.executor.testing.SnapshotHarness;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Drives one {@link Operator} through its contract as the runtime would: {@code open}, chunks per input in the
 * order the test pushes them (so inputs can be interleaved), {@code endInput} once per input, {@code close}.
 * Collects what it emits and checks, on every call, the rules every operator must keep: emitted chunks are
 * non-empty and hold at most {@code chunkSize} rows of the declared output types, and received chunks are
 * never written to.
 *
 * <p>The default chunk size is tiny (3) so that every test crosses chunk boundaries.
 *
 * <p>Time is the test's: {@link #watermark} hands a watermark over (and sets the context's current watermark
 * first, as the runtime does), and {@link #processingTime} moves the context's clock and fires the
 * processing-time timers that are then due, earliest first.
 */
public final class OperatorTestHarness {

    private final Operator operator;
    private final Map<Integer, List<DataType>> inputTypes;
    private final List<DataType> outputTypes;
    private final int chunkSize;
    private final FakeOperatorContext context;
    private final MutableClock clock;
    private final RecordingOutput output = new RecordingOutput();
    /** Every chunk handed to the operator with a copy of its contents, to prove it was not written to. */
    private final List<Chunk> pushed = new ArrayList<>();
    private final List<List<List<Object>>> pushedContents = new ArrayList<>();
    private final boolean[] ended;
    private boolean closed;

    private OperatorTestHarness(Builder builder) throws Exception {
        this.operator = builder.operator;
        this.inputTypes = Map.copyOf(builder.inputTypes);
        this.outputTypes = builder.outputTypes;
        this.chunkSize = builder.chunkSize;
        this.clock = new MutableClock(builder.processingTime);
        this.context = new FakeOperatorContext(builder.subtask, builder.parallelism, chunkSize, clock);
        this.ended = new boolean[Math.max(1, inputTypes.size())];
        operator.open(context);
        if (builder.restored != null) {
            operator.restoreState(builder.restored);
        }
    }

    public static Builder forOperator(Operator operator) {
        return new Builder(operator);
    }

    public FakeOperatorContext context() {
        return context;
    }

    public Operator operator() {
        return operator;
    }

    /** Takes a snapshot as the runtime does at a barrier and writes it out at once (see {@link SnapshotHarness}). */
    public OperatorStateData snapshot(long checkpointId) throws Exception {
        return SnapshotHarness.write(operator.snapshotState(checkpointId));
    }

    /** Pushes rows (external values) to {@code input}, as chunks of at most the chunk size. */
    public OperatorTestHarness push(int input, List<?>... rows) throws Exception {
        return pushRows(input, Arrays.asList(rows));
    }

    public OperatorTestHarness pushRows(int input, List<? extends List<?>> rows) throws Exception {
        for (Chunk chunk : Chunks.split(typesOf(input), rows, chunkSize)) {
            push(input, chunk);
        }
        return this;
    }

    /** Pushes a ready-made chunk (with row kinds, or of another size) to {@code input}. */
    public OperatorTestHarness push(int input, Chunk chunk) throws Exception {
        if (ended[input]) {
            throw new IllegalStateException("Input " + input + " has already ended");
        }
        pushed.add(chunk);
        pushedContents.add(Chunks.rows(chunk, null));
        operator.processChunk(input, chunk, output);
        return this;
    }

    public OperatorTestHarness watermark(long timestamp) throws Exception {
        context.setWatermark(timestamp);
        operator.processWatermark(new Watermark(timestamp), output);
        return this;
    }

    /**
     * Sets the processing-time clock to {@code now} (never backwards) and calls {@code onProcessingTime} for
     * each registered timer due by then, earliest first, including timers registered while firing.
     */
    public OperatorTestHarness processingTime(long now) throws Exception {
        if (now < clock.millis()) {
            throw new IllegalArgumentException("The clock never goes back: " + now + " < " + clock.millis());
        }
        clock.advance(now - clock.millis());
        for (TreeSet<Long> due = context.takeTimersDueAt(now); !due.isEmpty(); due = context.takeTimersDueAt(now)) {
            for (long time : due) {
                operator.onProcessingTime(time, output);
            }
        }
        return this;
    }

    public OperatorTestHarness endInput(int input) throws Exception {
        if (ended[input]) {
            throw new IllegalStateException("Input " + input + " has already ended");
        }
        ended[input] = true;
        operator.endInput(input, output);
        return this;
    }

    /** Ends every input not yet ended (in index order), closes the operator and returns the output rows. */
    public List<List<Object>> finish() throws Exception {
        for (int i = 0; i < ended.length; i++) {
            if (!ended[i]) {
                endInput(i);
            }
        }
        close();
        return rows();
    }

    public void close() throws Exception {
        if (!closed) {
            closed = true;
            operator.close();
            verifyInputsUntouched();
        }
    }

    /** Output rows so far, as external values of the output types (raw vector values if none were given). */
    public List<List<Object>> rows() {
        verifyInputsUntouched();
        List<List<Object>> rows = new ArrayList<>();
        for (Chunk chunk : output.chunks) {
            rows.addAll(Chunks.rows(chunk, outputTypes));
        }
        return rows;
    }

    /** The row kind of each output row, in order. */
    public List<RowKind> rowKinds() {
        List<RowKind> kinds = new ArrayList<>();
        for (Chunk chunk : output.chunks) {
            for (int r = 0; r < chunk.size(); r++) {
                kinds.add(chunk.rowKind(r));
            }
        }
        return kinds;
    }

    public List<Chunk> chunks() {
        return List.copyOf(output.chunks);
    }

    public List<Watermark> watermarks() {
        return List.copyOf(output.watermarks);
    }

    /** Everything emitted (chunks and watermarks) in emission order. */
    public List<StreamElement> elements() {
        return List.copyOf(output.elements);
    }

    private List<DataType> typesOf(int input) {
        List<DataType> types = inputTypes.get(input);
        if (types == null) {
            throw new IllegalStateException("No types declared for input " + input);
        }
        return types;
    }

    private void verifyInputsUntouched() {
        for (int i = 0; i < pushed.size(); i++) {
            if (!Chunks.rows(pushed.get(i), null).equals(pushedContents.get(i))) {
                throw new AssertionError("The operator wrote into input chunk " + pushed.get(i));
            }
        }
    }

    private final class RecordingOutput implements Output {
        private final List<Chunk> chunks = new ArrayList<>();
        private final List<Watermark> watermarks = new ArrayList<>();
        private final List<StreamElement> elements = new ArrayList<>();

        @Override
        public void emit(Chunk chunk) {
            if (chunk.isEmpty()) {
                throw new AssertionError("Operators must not emit empty chunks");
            }
            if (chunk.size() > chunkSize) {
                throw new AssertionError("Chunk of " + chunk.size() + " rows exceeds chunk size " + chunkSize);
            }
            if (outputTypes != null) {
                if (chunk.columnCount() != outputTypes.size()) {
                    throw new AssertionError("Chunk has " + chunk.columnCount() + " columns, expected "
                            + outputTypes.size() + ": " + chunk);
                }
                for (int c = 0; c < chunk.columnCount(); c++) {
                    if (chunk.column(c).physicalType() != outputTypes.get(c).physical()) {
                        throw new AssertionError("Column " + c + " is " + chunk.column(c).physicalType()
                                + ", expected " + outputTypes.get(c));
                    }
                }
            }
            chunks.add(chunk);
            elements.add(chunk);
        }

        @Override
        public void emitWatermark(Watermark watermark) {
            watermarks.add(watermark);
            elements.add(watermark);
        }
    }

    /** Configures the operator's inputs, output types and chunk size; {@link #open()} starts it. */
    public static final class Builder {
        private final Operator operator;
        private final Map<Integer, List<DataType>> inputTypes = new HashMap<>();
        private List<DataType> outputTypes;
        private int chunkSize = 3;
        private long processingTime = FakeOperatorContext.single().clock().millis();
        private int subtask;
        private int parallelism = 1;
        private StateReader restored;

        private Builder(Operator operator) {
            this.operator = operator;
        }

        public Builder input(int input, List<DataType> types) {
            inputTypes.put(input, List.copyOf(types));
            return this;
        }

        /** Single-input shorthand for {@code input(0, types)}. */
        public Builder input(List<DataType> types) {
            return input(0, types);
        }

        /** Output types: rows are then read as external values (e.g. DECIMAL as BigDecimal) and checked. */
        public Builder output(List<DataType> types) {
            outputTypes = List.copyOf(types);
            return this;
        }

        public Builder chunkSize(int size) {
            chunkSize = size;
            return this;
        }

        /** The processing-time clock's reading when the operator opens (epoch millis). */
        public Builder processingTime(long startMillis) {
            processingTime = startMillis;
            return this;
        }

        /** Runs the operator as subtask {@code subtask} of {@code parallelism} (0 of 1 by default). */
        public Builder subtask(int subtask, int parallelism) {
            this.subtask = subtask;
            this.parallelism = parallelism;
            return this;
        }

        /** Restores the operator from {@code state} right after {@code open}, before any data, as the runtime does. */
        public Builder restoredFrom(StateReader state) {
            this.restored = state;
            return this;
        }

        public OperatorTestHarness open() throws Exception {
            return new OperatorTestHarness(this);
        }
    }
}
