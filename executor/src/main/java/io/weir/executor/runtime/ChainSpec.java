package io.weir.executor.runtime;

import io.weir.executor.graph.JobVertex;
import java.util.List;

/**
 * A run of vertices that one task per subtask executes on one thread: the head (a source or an operator that
 * reads channels), then every vertex chained behind it.
 *
 * @param vertices     head first; all with the same parallelism
 * @param inputIndexes {@code inputIndexes[k]} is the input of vertex {@code k} that vertex {@code k - 1} feeds
 *                     ({@code inputIndexes[0]} is unused)
 */
record ChainSpec(List<JobVertex> vertices, int[] inputIndexes) {

    ChainSpec {
        vertices = List.copyOf(vertices);
        inputIndexes = inputIndexes.clone();
    }

    JobVertex head() {
        return vertices.get(0);
    }

    JobVertex tail() {
        return vertices.get(vertices.size() - 1);
    }

    int length() {
        return vertices.size();
    }

    int parallelism() {
        return head().parallelism();
    }
}
