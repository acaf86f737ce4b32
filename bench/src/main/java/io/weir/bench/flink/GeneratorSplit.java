package io.weir.bench.flink;

import java.util.Map;
import org.apache.flink.api.connector.source.SourceSplit;

/**
 * Subtask {@code subtask}'s share (of {@code parallelism}) of Weir's Nexmark event sequence, with the Weir reader's
 * positions when a checkpoint took it mid-way (empty at the start).
 */
public record GeneratorSplit(int subtask, int parallelism, Map<String, byte[]> positions) implements SourceSplit {

    @Override
    public String splitId() {
        return "nexmark-" + subtask + "-of-" + parallelism;
    }
}
