package io.weir.executor.job;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Watermark;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What test operators saw, recorded thread-safely from any number of subtasks: rows of column 0, chunk sizes,
 * watermarks, endInput calls, the threads they ran on, opens and closes.
 */
final class Recording {

    record Row(int subtask, int input, long value) {
    }

    record Event(int subtask, int input) {
    }

    record Mark(int subtask, long timestamp) {
    }

    record ChunkSeen(int subtask, int size) {
    }

    final Queue<Row> rows = new ConcurrentLinkedQueue<>();
    final Queue<ChunkSeen> chunks = new ConcurrentLinkedQueue<>();
    final Queue<Mark> watermarks = new ConcurrentLinkedQueue<>();
    final Queue<Event> endInputs = new ConcurrentLinkedQueue<>();
    final Queue<String> threads = new ConcurrentLinkedQueue<>();
    final AtomicInteger opened = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    List<Long> values() {
        return rows.stream().map(Row::value).toList();
    }

    List<Long> watermarkValues() {
        return watermarks.stream().map(Mark::timestamp).toList();
    }

    /** The last watermark any subtask saw, or {@link Long#MIN_VALUE}. */
    long lastWatermark() {
        return watermarks.stream().mapToLong(Mark::timestamp).reduce((a, b) -> b).orElse(Long.MIN_VALUE);
    }

    List<Long> values(int input) {
        return rows.stream().filter(r -> r.input() == input).map(Row::value).toList();
    }

    /** An operator that records everything and forwards chunks and watermarks unchanged. */
    OperatorFactory recorder() {
        return () -> new RecordingOperator(this);
    }

    static class RecordingOperator implements Operator {
        private final Recording recording;
        protected int subtask;

        RecordingOperator(Recording recording) {
            this.recording = recording;
        }

        @Override
        public void open(OperatorContext context) {
            subtask = context.subtaskIndex();
            recording.opened.incrementAndGet();
            recording.threads.add(Thread.currentThread().getName());
        }

        @Override
        public void processChunk(int input, Chunk chunk, Output out) throws Exception {
            recording.threads.add(Thread.currentThread().getName());
            recording.chunks.add(new ChunkSeen(subtask, chunk.size()));
            LongVector column = chunk.longColumn(0);
            for (int row = 0; row < chunk.size(); row++) {
                recording.rows.add(new Row(subtask, input, column.get(row)));
            }
            out.emit(chunk);
        }

        @Override
        public void processWatermark(Watermark watermark, Output out) {
            recording.watermarks.add(new Mark(subtask, watermark.timestamp()));
            out.emitWatermark(watermark);
        }

        @Override
        public void endInput(int input, Output out) {
            recording.endInputs.add(new Event(subtask, input));
        }

        @Override
        public void close() {
            recording.closed.incrementAndGet();
        }
    }
}
