package io.weir.executor.api;

/**
 * Creates the readers of a source table, one per subtask; the factory decides how the source's splits
 * (files, partitions, id ranges) are divided among {@code parallelism} subtasks.
 */
public interface SourceFactory {

    SourceReader createReader(int subtaskIndex, int parallelism);

    /** True when every reader reaches {@link InputStatus#END_OF_INPUT} on its own. */
    boolean isBounded();
}
