package io.weir.executor.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.InputStatus;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.JobVertex;
import io.weir.executor.graph.Partitioning;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainingTest {

    private static final List<DataType> TYPES = List.of(DataType.BIGINT);
    private static final OperatorFactory NOOP = () -> (input, chunk, out) -> out.emit(chunk);
    private static final SourceFactory SOURCE = new SourceFactory() {
        @Override
        public SourceReader createReader(int subtaskIndex, int parallelism) {
            return out -> InputStatus.END_OF_INPUT;
        }

        @Override
        public boolean isBounded() {
            return true;
        }
    };

    private static List<List<String>> chainNames(JobGraph graph) {
        return Chaining.plan(graph).stream()
                .map(c -> c.vertices().stream().map(JobVertex::name).toList())
                .toList();
    }

    @Test
    void whenForwardEdgesJoinEqualParallelisms_thenTheVerticesFormOneChain() {
        JobGraph.Builder b = JobGraph.builder("g");
        int src = b.addSource("src", 2, SOURCE, TYPES);
        int a = b.addOperator("a", 2, NOOP, 1, TYPES);
        int c = b.addOperator("c", 2, NOOP, 1, TYPES);
        b.connect(src, a, 0, Partitioning.FORWARD).connect(a, c, 0, Partitioning.FORWARD);

        assertThat(chainNames(b.build())).containsExactly(List.of("src", "a", "c"));
    }

    @Test
    void whenAnEdgeRedistributes_thenTheChainBreaksThere() {
        JobGraph.Builder b = JobGraph.builder("g");
        int src = b.addSource("src", 2, SOURCE, TYPES);
        int a = b.addOperator("a", 2, NOOP, 1, TYPES);
        int c = b.addOperator("c", 2, NOOP, 1, TYPES);
        b.connect(src, a, 0, Partitioning.hash(0)).connect(a, c, 0, Partitioning.FORWARD);

        assertThat(chainNames(b.build())).containsExactly(List.of("src"), List.of("a", "c"));
    }

    @Test
    void whenTheUpstreamHasTwoOutputs_thenNeitherConsumerIsChained() {
        JobGraph.Builder b = JobGraph.builder("g");
        int src = b.addSource("src", 1, SOURCE, TYPES);
        int a = b.addOperator("a", 1, NOOP, 1, TYPES);
        int c = b.addOperator("c", 1, NOOP, 1, TYPES);
        b.connect(src, a, 0, Partitioning.FORWARD).connect(src, c, 0, Partitioning.FORWARD);

        assertThat(chainNames(b.build())).containsExactly(List.of("src"), List.of("a"), List.of("c"));
    }

    @Test
    void whenAVertexHasTwoInputEdgesOrTwoInputs_thenItHeadsItsOwnChain() {
        JobGraph.Builder b = JobGraph.builder("g");
        int left = b.addSource("left", 1, SOURCE, TYPES);
        int right = b.addSource("right", 1, SOURCE, TYPES);
        int union = b.addOperator("union", 1, NOOP, 1, TYPES);
        int join = b.addOperator("join", 1, NOOP, 2, TYPES);
        int sink = b.addOperator("sink", 1, NOOP, 1, TYPES);
        b.connect(left, union, 0, Partitioning.FORWARD).connect(right, union, 0, Partitioning.FORWARD)
                .connect(union, join, 0, Partitioning.FORWARD)
                .connect(join, sink, 0, Partitioning.FORWARD);

        assertThat(chainNames(b.build()))
                .containsExactly(List.of("left"), List.of("right"), List.of("union"), List.of("join", "sink"));
    }

    @Test
    void whenAChainedVertexFeedsASecondInput_thenTheChainRemembersWhichInput() {
        JobGraph.Builder b = JobGraph.builder("g");
        int src = b.addSource("src", 1, SOURCE, TYPES);
        int a = b.addOperator("a", 1, NOOP, 1, TYPES);
        b.connect(src, a, 0, Partitioning.FORWARD);

        ChainSpec chain = Chaining.plan(b.build()).get(0);

        assertThat(chain.inputIndexes()).containsExactly(0, 0);
        assertThat(chain.tail().name()).isEqualTo("a");
    }

    @Test
    void whenAHashEdgeNamesAMissingColumn_thenTheGraphIsRejected() {
        JobGraph.Builder b = JobGraph.builder("g");
        int src = b.addSource("src", 1, SOURCE, TYPES);
        int a = b.addOperator("a", 2, NOOP, 1, TYPES);
        b.connect(src, a, 0, Partitioning.hash(3));

        assertThatThrownBy(() -> Chaining.plan(b.build())).isInstanceOf(WeirException.class)
                .hasMessageContaining("key column 3");
    }

    @Test
    void whenAnEdgeTargetsAnInputTheVertexLacks_thenTheGraphIsRejected() {
        JobGraph.Builder b = JobGraph.builder("g");
        int src = b.addSource("src", 1, SOURCE, TYPES);
        int a = b.addOperator("a", 1, NOOP, 1, TYPES);
        b.connect(src, a, 1, Partitioning.REBALANCE);

        assertThatThrownBy(() -> Chaining.plan(b.build())).isInstanceOf(WeirException.class)
                .hasMessageContaining("missing input");
    }
}
