package io.weir.executor.graph;

/** Rows of vertex {@code from} flow to input {@code input} of vertex {@code to}, routed by {@code partitioning}. */
public record JobEdge(int from, int to, int input, Partitioning partitioning) {
}
