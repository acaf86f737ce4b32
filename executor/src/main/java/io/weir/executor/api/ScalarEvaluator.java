package io.weir.executor.api;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Vector;

/**
 * A compiled scalar expression evaluated a chunk at a time.
 *
 * <p>Contract: {@link #evaluate} returns a vector with one value per row of {@code input}
 * ({@code input.size()} rows), of the physical type of {@link #type()}. It may return one of the input's
 * own vectors (a column reference) or a new vector, and must not write into the input. Evaluators are
 * immutable and thread-safe: one instance serves every subtask. A failure in the data (division by zero,
 * a bad cast) is a {@link WeirException} of kind EXECUTION.
 */
public interface ScalarEvaluator {

    Vector evaluate(Chunk input);

    DataType type();
}
