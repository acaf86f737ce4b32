package io.weir.executor.api;

import io.weir.executor.data.Chunk;

/**
 * Where a {@link SourceReader} puts what it reads. Chunks are tagged with the split they came from (a file, a
 * Kafka partition, an id range), because event time is tracked per split: the runtime applies the table's
 * {@link WatermarkStrategy} to each split's rows and emits the minimum over the splits that are not idle.
 * {@link #emit(Chunk)} means split 0.
 */
public interface SourceOutput extends Output {

    /** Emits rows read from split {@code split}, where {@code 0 <= split < reader.splitCount()}. */
    void emit(int split, Chunk chunk);

    @Override
    default void emit(Chunk chunk) {
        emit(0, chunk);
    }
}
