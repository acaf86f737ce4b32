package io.weir.executor.runtime;

import io.weir.executor.graph.JobEdge;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.JobVertex;
import io.weir.executor.graph.Partitioning;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link JobGraph} into runnable tasks: one per chain and subtask, with a channel for every pair of
 * producer and consumer subtasks an unchained edge connects (FORWARD: i to i; SINGLE: every producer to
 * consumer 0; HASH, BROADCAST, REBALANCE: all to all). Creates no threads and no operators; tasks create their
 * operators when they start.
 */
public final class TaskGraphBuilder {

    private final JobGraph graph;
    private final TaskSettings settings;
    private final MetricRegistry metrics;
    private final Cancellation cancellation;
    private final FailureListener failureListener;
    private final TaskCheckpointing checkpointing;
    private final List<ChainSpec> chains;
    /** Per chain head vertex id, one wakeup per subtask, shared by all channels into that subtask. */
    private final Map<Integer, Wakeup[]> wakeups = new HashMap<>();
    /**
     * Per unchained edge, per producer subtask, the channels it writes. By identity: a graph may hold two equal
     * edges (a vertex unioned with itself), and each needs its own channels.
     */
    private final Map<JobEdge, Channel[][]> edgeChannels = new IdentityHashMap<>();
    /** Per consumer vertex id, per consumer subtask, its input channels and the input each feeds. */
    private final Map<Integer, List<List<ConsumerChannel>>> consumerChannels = new HashMap<>();

    private record ConsumerChannel(Channel channel, int input) {
    }

    private TaskGraphBuilder(JobGraph graph, TaskSettings settings, MetricRegistry metrics, Cancellation cancellation,
            FailureListener failureListener, TaskCheckpointing checkpointing) {
        this.graph = graph;
        this.checkpointing = checkpointing;
        this.settings = settings;
        this.metrics = metrics;
        this.cancellation = cancellation;
        this.failureListener = failureListener;
        this.chains = Chaining.plan(graph);
    }

    /**
     * The tasks of a job, ready to run each on its own thread.
     *
     * @throws io.weir.executor.api.WeirException of kind INTERNAL when the graph is malformed
     */
    public static List<Task> build(JobGraph graph, TaskSettings settings, MetricRegistry metrics,
            Cancellation cancellation, FailureListener failureListener, TaskCheckpointing checkpointing) {
        return new TaskGraphBuilder(graph, settings, metrics, cancellation, failureListener, checkpointing).build();
    }

    private List<Task> build() {
        for (ChainSpec chain : chains) {
            Wakeup[] perSubtask = new Wakeup[chain.parallelism()];
            for (int s = 0; s < perSubtask.length; s++) {
                perSubtask[s] = new Wakeup();
            }
            wakeups.put(chain.head().id(), perSubtask);
        }
        for (JobEdge edge : graph.edges()) {
            if (!Chaining.chainedIntoUpstream(graph, graph.vertex(edge.to()))) {
                createChannels(edge);
            }
        }
        List<Task> tasks = new ArrayList<>();
        for (ChainSpec chain : chains) {
            for (int subtask = 0; subtask < chain.parallelism(); subtask++) {
                tasks.add(createTask(chain, subtask));
            }
        }
        return tasks;
    }

    private void createChannels(JobEdge edge) {
        JobVertex from = graph.vertex(edge.from());
        JobVertex to = graph.vertex(edge.to());
        Wakeup[] consumers = wakeups.get(to.id());
        List<List<ConsumerChannel>> inputs = consumerChannels.computeIfAbsent(to.id(), id -> emptyLists(to.parallelism()));
        Channel[][] byProducer = new Channel[from.parallelism()][];
        for (int producer = 0; producer < from.parallelism(); producer++) {
            int[] targets = targetSubtasks(edge.partitioning(), producer, to.parallelism());
            byProducer[producer] = new Channel[targets.length];
            for (int t = 0; t < targets.length; t++) {
                int consumer = targets[t];
                String name = from.name() + "#" + producer + " -> " + to.name() + "#" + consumer;
                Channel channel = new Channel(name, settings.channelCapacity(), consumers[consumer], cancellation);
                byProducer[producer][t] = channel;
                inputs.get(consumer).add(new ConsumerChannel(channel, edge.input()));
            }
        }
        edgeChannels.put(edge, byProducer);
    }

    private static int[] targetSubtasks(Partitioning partitioning, int producer, int consumerParallelism) {
        if (partitioning instanceof Partitioning.Forward) {
            return new int[] {producer};
        }
        if (partitioning instanceof Partitioning.Single) {
            return new int[] {0};
        }
        int[] all = new int[consumerParallelism];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        return all;
    }

    private Task createTask(ChainSpec chain, int subtask) {
        JobVertex head = chain.head();
        String name = "weir-task-" + graph.name() + "-" + head.id() + "-" + subtask;
        int length = chain.length();
        VertexMetrics.Subtask[] memberMetrics = new VertexMetrics.Subtask[length];
        TaskOperatorContext[] contexts = new TaskOperatorContext[length];
        for (int k = 0; k < length; k++) {
            JobVertex vertex = chain.vertices().get(k);
            memberMetrics[k] = metrics.vertex(vertex.id(), vertex.name(), vertex.parallelism()).subtask(subtask);
            OperatorTimerService timers = vertex.isSource()
                    ? OperatorTimerService.forSource(settings.clock())
                    : OperatorTimerService.forOperator(settings.clock());
            contexts[k] = new TaskOperatorContext(graph.name(), vertex.name(), checkpointing.periodic(), subtask, chain.parallelism(), settings.chunkSize(), settings.clock(),
                    metrics, cancellation, timers);
        }
        TailOutput tail = new TailOutput(writers(chain.tail(), subtask), memberMetrics[length - 1],
                settings.flushIntervalNanos());
        OperatorChain operators = new OperatorChain(chain, tail, contexts, memberMetrics);
        Wakeup wakeup = wakeups.get(head.id())[subtask];
        if (head.isSource()) {
            return new SourceTask(name, head.source(), head.watermarkStrategy(), operators, cancellation, wakeup,
                    failureListener, checkpointing);
        }
        return new OperatorTask(name, gate(head, subtask), operators, cancellation, wakeup, failureListener,
                checkpointing);
    }

    private List<EdgeWriter> writers(JobVertex tail, int subtask) {
        List<EdgeWriter> writers = new ArrayList<>();
        for (JobEdge edge : graph.outputsOf(tail.id())) {
            Channel[] channels = edgeChannels.get(edge)[subtask];
            writers.add(EdgeWriter.create(edge.partitioning(), channels, subtask, settings.chunkSize()));
        }
        return writers;
    }

    private InputGate gate(JobVertex head, int subtask) {
        List<ConsumerChannel> inputs = consumerChannels.containsKey(head.id())
                ? consumerChannels.get(head.id()).get(subtask)
                : List.of();
        Channel[] channels = new Channel[inputs.size()];
        int[] channelInputs = new int[inputs.size()];
        for (int i = 0; i < channels.length; i++) {
            channels[i] = inputs.get(i).channel();
            channelInputs[i] = inputs.get(i).input();
        }
        return new InputGate(channels, channelInputs, head.inputCount());
    }

    private static List<List<ConsumerChannel>> emptyLists(int count) {
        List<List<ConsumerChannel>> lists = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }
}
