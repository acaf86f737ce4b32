package io.weir.executor.graph;

import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.data.DataType;
import java.util.ArrayList;
import java.util.List;

/**
 * What the planner hands the executor: a DAG of sources and operators joined by partitioned edges.
 * Vertices are listed so that every edge goes from an earlier vertex to a later one.
 */
public record JobGraph(String name, List<JobVertex> vertices, List<JobEdge> edges) {

    public JobGraph {
        vertices = List.copyOf(vertices);
        edges = List.copyOf(edges);
    }

    public JobVertex vertex(int id) {
        return vertices.get(id);
    }

    /** True when every source is bounded: the job ends by itself (batch). */
    public boolean isBounded() {
        return vertices.stream().filter(JobVertex::isSource).allMatch(v -> v.source().isBounded());
    }

    public List<JobEdge> inputsOf(int vertexId) {
        return edges.stream().filter(e -> e.to() == vertexId).toList();
    }

    public List<JobEdge> outputsOf(int vertexId) {
        return edges.stream().filter(e -> e.from() == vertexId).toList();
    }

    /** A readable multi-line description, as EXPLAIN shows it. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (JobVertex v : vertices) {
            sb.append('[').append(v.id()).append("] ").append(v.name())
                    .append(" (parallelism ").append(v.parallelism()).append(')');
            for (JobEdge e : inputsOf(v.id())) {
                sb.append(v.inputCount() > 1 ? " <- input " + e.input() + ": [" : " <- [").append(e.from()).append("] ")
                        .append(e.partitioning());
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Adds vertices in topological order (inputs first) and connects them. */
    public static final class Builder {
        private final String name;
        private final List<JobVertex> vertices = new ArrayList<>();
        private final List<JobEdge> edges = new ArrayList<>();

        private Builder(String name) {
            this.name = name;
        }

        public int addSource(String vertexName, int parallelism, SourceFactory source, List<DataType> types) {
            return addSource(vertexName, parallelism, source, null, types);
        }

        /** A source whose rows carry event time, tracked per split with {@code watermarks}. */
        public int addSource(String vertexName, int parallelism, SourceFactory source, WatermarkStrategy watermarks,
                List<DataType> types) {
            vertices.add(new JobVertex(vertices.size(), unique(vertexName), parallelism, source, watermarks, null, 0,
                    types));
            return vertices.size() - 1;
        }

        public int addOperator(String vertexName, int parallelism, OperatorFactory operator, int inputCount,
                List<DataType> types) {
            vertices.add(new JobVertex(vertices.size(), unique(vertexName), parallelism, null, null, operator,
                    inputCount, types));
            return vertices.size() - 1;
        }

        /** Vertex names label metrics, so a repeated name gets the vertex id appended. */
        private String unique(String name) {
            boolean taken = vertices.stream().anyMatch(v -> v.name().equals(name));
            return taken ? name + " #" + vertices.size() : name;
        }

        public Builder connect(int from, int to, int input, Partitioning partitioning) {
            if (from >= to) {
                throw new IllegalArgumentException("Edges must go forward: " + from + " -> " + to);
            }
            edges.add(new JobEdge(from, to, input, partitioning));
            return this;
        }

        public JobVertex vertex(int id) {
            return vertices.get(id);
        }

        public JobGraph build() {
            return new JobGraph(name, vertices, edges);
        }
    }
}
