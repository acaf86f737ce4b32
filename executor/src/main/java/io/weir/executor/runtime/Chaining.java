package io.weir.executor.runtime;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.graph.JobEdge;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.JobVertex;
import io.weir.executor.graph.Partitioning;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides which vertices share a thread. A vertex is chained into its upstream vertex when its only input edge
 * is FORWARD from a vertex of equal parallelism whose only output edge that is: then nothing is gained by a
 * queue between them, and a direct call is far cheaper.
 */
final class Chaining {

    private Chaining() {
    }

    /** The chains of a graph, ordered by head vertex id; every vertex belongs to exactly one. */
    static List<ChainSpec> plan(JobGraph graph) {
        validate(graph);
        List<ChainSpec> chains = new ArrayList<>();
        for (JobVertex vertex : graph.vertices()) {
            if (chainedIntoUpstream(graph, vertex)) {
                continue;
            }
            List<JobVertex> members = new ArrayList<>();
            List<Integer> inputs = new ArrayList<>();
            members.add(vertex);
            inputs.add(0);
            JobVertex current = vertex;
            while (graph.outputsOf(current.id()).size() == 1) {
                JobEdge edge = graph.outputsOf(current.id()).get(0);
                JobVertex next = graph.vertex(edge.to());
                if (!chainedIntoUpstream(graph, next)) {
                    break;
                }
                members.add(next);
                inputs.add(edge.input());
                current = next;
            }
            chains.add(new ChainSpec(members, inputs.stream().mapToInt(Integer::intValue).toArray()));
        }
        return chains;
    }

    /** True when {@code vertex} runs inside the task of the vertex feeding it. */
    static boolean chainedIntoUpstream(JobGraph graph, JobVertex vertex) {
        if (vertex.isSource() || vertex.inputCount() != 1) {
            return false;
        }
        List<JobEdge> inputs = graph.inputsOf(vertex.id());
        if (inputs.size() != 1) {
            return false;
        }
        JobEdge edge = inputs.get(0);
        JobVertex upstream = graph.vertex(edge.from());
        return edge.partitioning() instanceof Partitioning.Forward
                && upstream.parallelism() == vertex.parallelism()
                && graph.outputsOf(upstream.id()).size() == 1;
    }

    /** Rejects graphs the runtime cannot run; these are planner bugs, so the error kind is INTERNAL. */
    static void validate(JobGraph graph) {
        for (int i = 0; i < graph.vertices().size(); i++) {
            if (graph.vertex(i).id() != i) {
                throw invalid(graph, "vertex at position " + i + " has id " + graph.vertex(i).id());
            }
        }
        for (JobEdge edge : graph.edges()) {
            if (edge.from() < 0 || edge.to() >= graph.vertices().size() || edge.from() >= edge.to()) {
                throw invalid(graph, "edge " + edge + " does not go forward between existing vertices");
            }
            JobVertex from = graph.vertex(edge.from());
            JobVertex to = graph.vertex(edge.to());
            if (to.isSource() || edge.input() < 0 || edge.input() >= to.inputCount()) {
                throw invalid(graph, "edge " + edge + " targets a missing input of " + to.name());
            }
            if (edge.partitioning() instanceof Partitioning.Forward && from.parallelism() != to.parallelism()) {
                throw invalid(graph, "FORWARD edge " + from.name() + " -> " + to.name() + " joins different parallelisms");
            }
            if (edge.partitioning() instanceof Partitioning.Hash hash) {
                for (int key : hash.keys()) {
                    if (key < 0 || key >= from.outputTypes().size()) {
                        throw invalid(graph, "HASH edge " + edge + " names a missing key column " + key);
                    }
                }
            }
        }
    }

    private static WeirException invalid(JobGraph graph, String problem) {
        return new WeirException(ErrorKind.INTERNAL, "Invalid job graph '" + graph.name() + "': " + problem);
    }
}
