package io.weir.executor.api;

import io.weir.executor.data.DataType;

/**
 * One aggregate of a group-by: {@code kind(DISTINCT? input[argIndex]) FILTER (WHERE input[filterIndex])}.
 *
 * @param argIndex    input column of the argument, or -1 for {@code COUNT(*)}
 * @param filterIndex input BOOLEAN column of the FILTER clause (only rows where it is TRUE count), or -1
 * @param distinct    each distinct non-null argument value counts once
 * @param argType     type of the argument column (null for COUNT(*))
 * @param resultType  type of the result column
 */
public record AggregateCall(
        AggregateKind kind,
        int argIndex,
        int filterIndex,
        boolean distinct,
        DataType argType,
        DataType resultType) {
}
