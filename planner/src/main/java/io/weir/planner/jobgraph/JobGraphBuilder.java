package io.weir.planner.jobgraph;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorFactory;
import io.weir.executor.api.ResultCollector;
import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.SourceFactory;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.graph.JobGraph;
import io.weir.executor.graph.Partitioning;
import io.weir.executor.operators.CalcOperator;
import io.weir.executor.operators.CollectSinkOperator;
import io.weir.executor.operators.HashAggregateOperator;
import io.weir.executor.operators.HashJoinOperator;
import io.weir.executor.operators.LimitOperator;
import io.weir.executor.operators.NestedLoopJoinOperator;
import io.weir.executor.operators.join.JoinResidual;
import io.weir.executor.operators.join.StreamingJoinOperator;
import io.weir.executor.operators.SetOpKind;
import io.weir.executor.operators.SetOpOperator;
import io.weir.executor.operators.SortOperator;
import io.weir.executor.operators.ValuesSourceFactory;
import io.weir.executor.operators.aggregate.GroupAggregateOperator;
import io.weir.executor.operators.rank.RankOperator;
import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.operators.window.SessionWindowAggregateOperator;
import io.weir.executor.operators.window.SessionWindowTableFunctionOperator;
import io.weir.executor.operators.window.SlicedWindowAggregateOperator;
import io.weir.executor.operators.window.StreamingSortOperator;
import io.weir.executor.operators.window.TimeKind;
import io.weir.executor.operators.window.WindowAggregateOperator;
import io.weir.executor.operators.window.WindowKind;
import io.weir.executor.operators.window.WindowSpec;
import io.weir.executor.operators.window.WindowTableFunctionOperator;
import io.weir.planner.PlanningSession;
import io.weir.planner.QueryOptions;
import io.weir.planner.catalog.PhysicalTable;
import io.weir.planner.catalog.RelTypes;
import io.weir.planner.catalog.TableDefinition;
import io.weir.planner.functions.WindowTableFunction;
import io.weir.planner.logical.TopN;
import io.weir.planner.physical.ExchangePhysicalRel;
import io.weir.planner.physical.StreamingSortPhysicalRel;
import io.weir.planner.physical.WindowAggregatePhysicalRel;
import io.weir.planner.physical.WindowDefinition;
import io.weir.planner.physical.WindowTableFunctionPhysicalRel;
import io.weir.planner.catalog.TableConnectors;
import io.weir.planner.codegen.DataTypes;
import io.weir.planner.codegen.ExpressionCompiler;
import io.weir.planner.physical.CalcPhysicalRel;
import io.weir.planner.physical.GroupAggregatePhysicalRel;
import io.weir.planner.physical.HashAggregatePhysicalRel;
import io.weir.planner.physical.HashJoinPhysicalRel;
import io.weir.planner.physical.JoinKeys;
import io.weir.planner.physical.JoinTimeBounds;
import io.weir.planner.physical.LimitPhysicalRel;
import io.weir.planner.physical.NestedLoopJoinPhysicalRel;
import io.weir.planner.physical.StreamingJoinPhysicalRel;
import io.weir.planner.physical.PhysicalRel;
import io.weir.planner.physical.PhysicalRelVisitor;
import io.weir.planner.physical.RankPhysicalRel;
import io.weir.planner.physical.ScanPhysicalRel;
import io.weir.planner.physical.SetOpPhysicalRel;
import io.weir.planner.physical.SinkPhysicalRel;
import io.weir.planner.physical.SortPhysicalRel;
import io.weir.planner.physical.UnionPhysicalRel;
import io.weir.planner.physical.UpdatingInputs;
import io.weir.planner.physical.ValuesPhysicalRel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexProgram;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a physical plan into a {@link JobGraph}: one visit per physical operator, each adding its vertex and
 * the edges that bring its input rows partitioned the way it needs (hash on keys for aggregates, joins and
 * set operations; everything to one subtask for global aggregates, sorts and limits; forward otherwise).
 */
public final class JobGraphBuilder implements PhysicalRelVisitor<JobGraphBuilder.Stream> {

    /** A vertex's output as seen by the vertex that reads it. */
    public record Stream(int vertex, int parallelism, List<DataType> types) {
    }

    private final JobGraph.Builder graph;
    private final QueryOptions options;
    private final int parallelism;
    private final boolean streaming;
    private final ExpressionCompiler compiler;
    private final TableConnectors connectors;
    private final PlanningSession session;
    private final RexBuilder rexBuilder;
    private final Map<RelNode, Stream> builtVertices = new IdentityHashMap<>();
    /** The columns each scan of the plan being built reads; set by the build methods. */
    private ReadColumns readColumns;

    /**
     * @param streaming run with the streaming semantics: sources carry watermarks, late rows are dropped
     */
    public JobGraphBuilder(String name, QueryOptions options, boolean streaming, ExpressionCompiler compiler,
            TableConnectors connectors, PlanningSession session) {
        this.graph = JobGraph.builder(name);
        this.options = options;
        this.parallelism = options.parallelism();
        this.streaming = streaming;
        this.compiler = compiler;
        this.connectors = connectors;
        this.session = session;
        this.rexBuilder = session.rexBuilder();
    }

    /** The graph of a SELECT: the plan, then one sink that hands every row to {@code collector}. */
    public JobGraph buildQuery(PhysicalRel root, ResultCollector collector) {
        readColumns = ReadColumns.of(root);
        Stream result = visit(root);
        int sink = graph.addOperator("Collect", 1, () -> new CollectSinkOperator(collector), 1, result.types());
        graph.connect(result.vertex(), sink, 0, result.parallelism() == 1 ? Partitioning.FORWARD : Partitioning.SINGLE);
        return graph.build();
    }

    /** The graph of an INSERT: the plan ends in the table's sink. */
    public JobGraph buildInsert(SinkPhysicalRel root) {
        readColumns = ReadColumns.of(root);
        visit(root);
        return graph.build();
    }

    /**
     * The vertex a physical node became, adding it on first visit. The optimizer keeps one node for equal
     * subexpressions, so a subplan a query reads twice (q5's HOP counts feed both sides of its join) runs once and
     * feeds both readers, as Flink's sub-plan reuse does.
     */
    private Stream visit(RelNode rel) {
        Stream built = builtVertices.get(rel);
        if (built == null) {
            built = ((PhysicalRel) rel).accept(this);
            builtVertices.put(rel, built);
        }
        return built;
    }

    @Override
    public Stream onScan(ScanPhysicalRel rel) {
        TableDefinition table = rel.getTable().unwrap(PhysicalTable.class).definition();
        List<DataType> types = types(rel.getRowType());
        BitSet read = readColumns.of(rel);
        WatermarkStrategy watermarks = null;
        if (table.watermarkColumn() != null) {
            RexNode watermark = session.watermarkExpression(table);
            read.or(RelOptUtil.InputFinder.bits(watermark).toBitSet());
            watermarks = WatermarkStrategies.of(compiler, watermark, types, options.watermarkIntervalMillis(),
                    options.idleTimeoutMillis());
        }
        SourceFactory source = connectors.resolve(table).createSource(read);
        int vertex = graph.addSource("Scan(" + table.name() + ")", parallelism, source, watermarks, types);
        return new Stream(vertex, parallelism, types);
    }

    @Override
    public Stream onValues(ValuesPhysicalRel rel) {
        List<DataType> types = types(rel.getRowType());
        Chunk rows = LiteralValues.toChunk(rel.getTuples(), types);
        int vertex = graph.addSource("Values(" + rows.size() + " rows)", 1, new ValuesSourceFactory(types, rows), types);
        return new Stream(vertex, 1, types);
    }

    @Override
    public Stream onCalc(CalcPhysicalRel rel) {
        Stream input = visit(rel.getInput());
        RexProgram program = rel.getProgram();
        ScalarEvaluator filter = program.getCondition() == null ? null
                : compiler.compile(program.expandLocalRef(program.getCondition()), input.types());
        ScalarEvaluator[] projections = program.getProjectList().stream()
                .map(ref -> compiler.compile(program.expandLocalRef(ref), input.types()))
                .toArray(ScalarEvaluator[]::new);
        String name = "Calc(" + (filter != null ? "where, " : "") + projections.length + " columns)";
        return addForward(name, input, () -> new CalcOperator(filter, projections), types(rel.getRowType()));
    }

    @Override
    public Stream onHashAggregate(HashAggregatePhysicalRel rel) {
        Stream input = visit(rel.getInput());
        int[] keys = rel.getGroupSet().toArray();
        var calls = Aggregates.toRuntime(rel.getAggCallList(), input.types(), types(rel.getRowType()), keys.length);
        List<DataType> inputTypes = input.types();
        OperatorFactory factory = () -> new HashAggregateOperator(keys, inputTypes, calls);
        String name = "HashAggregate(" + (keys.length == 0 ? "global" : "keys " + Arrays.toString(keys)) + ")";
        return addKeyed(name, input, factory, keys, types(rel.getRowType()));
    }

    @Override
    public Stream onHashJoin(HashJoinPhysicalRel rel) {
        var type = Joins.toRuntime(rel.getJoinType());
        return addHashPartitionedJoin(rel, rel.keys(), "HashJoin(" + type + ")", (keys, residual, left, right) ->
                new HashJoinOperator(type, keys.leftKeys(), keys.rightKeys(), keys.nullSafe(), residual, left, right));
    }

    @Override
    public Stream onStreamingJoin(StreamingJoinPhysicalRel rel) {
        int[] windowEnds = rel.windowEndKeys();
        int leftEnd = windowEnds == null ? -1 : windowEnds[0];
        int rightEnd = windowEnds == null ? -1 : windowEnds[1];
        JoinTimeBounds bounds = rel.timeBounds();
        String name = windowEnds != null ? "WindowJoin(INNER)" : (bounds.isInterval() ? "IntervalJoin" : "Join")
                + "(INNER" + boundName(bounds, 0, "left") + boundName(bounds, 1, "right") + ")";
        return addHashPartitionedJoin(rel, rel.keys(), name, (keys, residual, left, right) -> {
            StreamingJoinOperator join = new StreamingJoinOperator(keys.leftKeys(), keys.rightKeys(), keys.nullSafe(),
                    residual, left, right, leftEnd, rightEnd);
            for (int input = 0; input < 2; input++) {
                if (bounds.bounds(input)) {
                    join.expireRows(input, bounds.column()[input], bounds.slack()[input], bounds.gridStep()[input],
                            bounds.gridOffset()[input]);
                }
                if (bounds.isInterval()) {
                    join.dropLateRows(input, bounds.lateColumn()[input]);
                }
            }
            return join;
        });
    }

    /** Creates a join operator from its keys, its compiled residual condition and its inputs' column types. */
    @FunctionalInterface
    private interface JoinOperatorFactory {
        Operator create(JoinKeys keys, JoinResidual residual, List<DataType> leftTypes, List<DataType> rightTypes);
    }

    /** A two-input join whose inputs are hash-partitioned on their join keys. */
    private Stream addHashPartitionedJoin(Join rel, JoinKeys keys, String name, JoinOperatorFactory factory) {
        Stream left = visit(rel.getLeft());
        Stream right = visit(rel.getRight());
        JoinResidual residual = JoinConditions.compile(compiler, keys.residual(), concat(left.types(), right.types()));
        List<DataType> leftTypes = left.types();
        List<DataType> rightTypes = right.types();
        List<DataType> out = types(rel.getRowType());
        int vertex = graph.addOperator(name, parallelism, () -> factory.create(keys, residual, leftTypes, rightTypes),
                2, out);
        graph.connect(left.vertex(), vertex, 0, Partitioning.hash(keys.leftKeys()));
        graph.connect(right.vertex(), vertex, 1, Partitioning.hash(keys.rightKeys()));
        return new Stream(vertex, parallelism, out);
    }

    private static String boundName(JoinTimeBounds bounds, int input, String side) {
        if (!bounds.bounds(input)) {
            return "";
        }
        long step = bounds.gridStep()[input];
        return ", " + side + " rows kept " + bounds.slack()[input] + " ms behind the watermark"
                + (step > 1 ? " rounded down to window ends every " + step + " ms" : "");
    }

    @Override
    public Stream onNestedLoopJoin(NestedLoopJoinPhysicalRel rel) {
        Stream left = visit(rel.getLeft());
        Stream right = visit(rel.getRight());
        JoinResidual condition = JoinConditions.compile(compiler, rel.getCondition(),
                concat(left.types(), right.types()));
        var type = Joins.toRuntime(rel.getJoinType());
        List<DataType> leftTypes = left.types();
        List<DataType> rightTypes = right.types();
        List<DataType> out = types(rel.getRowType());
        // Parallelism 1: every pair must meet, and unmatched rows of either side are known only globally.
        int vertex = graph.addOperator("NestedLoopJoin(" + type + ")", 1,
                () -> new NestedLoopJoinOperator(type, condition, leftTypes, rightTypes), 2, out);
        graph.connect(left.vertex(), vertex, 0, toSingle(left));
        graph.connect(right.vertex(), vertex, 1, toSingle(right));
        return new Stream(vertex, 1, out);
    }

    @Override
    public Stream onSort(SortPhysicalRel rel) {
        Stream input = visit(rel.getInput());
        SortKeys sort = SortKeys.of(rel.getCollation().getFieldCollations(), 0);
        int[] keys = sort.keys();
        boolean[] descending = sort.descending();
        boolean[] nullsFirst = sort.nullsFirst();
        long offset = literal(rel.offset, 0);
        long fetch = literal(rel.fetch, -1);
        List<DataType> types = input.types();
        return addSingle("Sort", input, () -> new SortOperator(keys, descending, nullsFirst, offset, fetch, types), types);
    }

    @Override
    public Stream onLimit(LimitPhysicalRel rel) {
        Stream input = visit(rel.getInput());
        long offset = literal(rel.offset, 0);
        long fetch = literal(rel.fetch, -1);
        return addSingle("Limit", input, () -> new LimitOperator(offset, fetch), input.types());
    }

    @Override
    public Stream onUnion(UnionPhysicalRel rel) {
        List<DataType> out = types(rel.getRowType());
        List<Stream> inputs = new ArrayList<>();
        for (RelNode input : rel.getInputs()) {
            inputs.add(coerce(visit(input), input.getRowType(), rel.getRowType()));
        }
        int vertex = graph.addOperator("UnionAll", parallelism, () -> new CalcOperator(null, null), 1, out);
        for (Stream input : inputs) {
            graph.connect(input.vertex(), vertex, 0,
                    input.parallelism() == parallelism ? Partitioning.FORWARD : Partitioning.REBALANCE);
        }
        return new Stream(vertex, parallelism, out);
    }

    @Override
    public Stream onSetOp(SetOpPhysicalRel rel) {
        SetOpKind kind = rel.kind == SqlKind.INTERSECT ? SetOpKind.INTERSECT : SetOpKind.EXCEPT;
        List<DataType> out = types(rel.getRowType());
        int[] allColumns = java.util.stream.IntStream.range(0, out.size()).toArray();
        boolean all = rel.all;
        Stream acc = coerce(visit(rel.getInput(0)), rel.getInput(0).getRowType(), rel.getRowType());
        for (int i = 1; i < rel.getInputs().size(); i++) {
            Stream next = coerce(visit(rel.getInput(i)), rel.getInput(i).getRowType(), rel.getRowType());
            int vertex = graph.addOperator(kind + (all ? " ALL" : ""), parallelism,
                    () -> new SetOpOperator(kind, all, out), 2, out);
            graph.connect(acc.vertex(), vertex, 0, Partitioning.hash(allColumns));
            graph.connect(next.vertex(), vertex, 1, Partitioning.hash(allColumns));
            acc = new Stream(vertex, parallelism, out);
        }
        return acc;
    }

    @Override
    public Stream onSink(SinkPhysicalRel rel) {
        PhysicalTable table = rel.table().unwrap(PhysicalTable.class);
        Stream input = visit(rel.getInput());
        RelDataType target = rel.table().getRowType();
        input = coerce(input, rel.getInput().getRowType(), target);
        OperatorFactory sink = connectors.resolve(table.definition()).createSink();
        return addForward("Sink(" + table.definition().name() + ")", input, sink, List.of());
    }

    @Override
    public Stream onExchange(ExchangePhysicalRel rel) {
        Stream input = visit(rel.getInput());
        int vertex = graph.addOperator("Exchange(hash " + Arrays.toString(rel.keys()) + ")", parallelism,
                () -> new CalcOperator(null, null), 1, input.types());
        graph.connect(input.vertex(), vertex, 0, Partitioning.hash(rel.keys()));
        return new Stream(vertex, parallelism, input.types());
    }

    /**
     * A streaming GROUP BY with an updating result: hash-partitioned by its keys, one subtask without keys; it takes
     * retracted rows back only when its input may retract them (the insert-only state is cheaper).
     */
    @Override
    public Stream onGroupAggregate(GroupAggregatePhysicalRel rel) {
        Stream input = visit(rel.getInput());
        int[] keys = rel.getGroupSet().toArray();
        List<DataType> out = types(rel.getRowType());
        var calls = Aggregates.toRuntime(rel.getAggCallList(), input.types(), out, keys.length);
        List<DataType> inputTypes = input.types();
        boolean retracting = UpdatingInputs.mayRetract(rel.getInput());
        OperatorFactory factory = () -> new GroupAggregateOperator(keys, inputTypes, calls, retracting);
        String name = "GroupAggregate(" + (keys.length == 0 ? "global" : "keys " + Arrays.toString(keys))
                + (retracting ? ", retracting" : "") + ")";
        return addKeyed(name, input, factory, keys, out);
    }

    /**
     * Top-N / deduplication, hash-partitioned by its partition keys (one subtask without keys): a changelog in
     * streaming, the final top rows at the end of input in batch.
     */
    @Override
    public Stream onRank(RankPhysicalRel rel) {
        Stream input = visit(rel.getInput());
        TopN topN = rel.topN();
        int[] keys = topN.partitionKeys().stream().mapToInt(Integer::intValue).toArray();
        SortKeys sort = SortKeys.of(topN.order().getFieldCollations(), 0);
        int[] sortKeys = sort.keys();
        boolean[] descending = sort.descending();
        boolean[] nullsFirst = sort.nullsFirst();
        List<DataType> inputTypes = input.types();
        List<DataType> out = types(rel.getRowType());
        boolean emitAtEnd = !streaming;
        OperatorFactory factory = () -> new RankOperator(keys, sortKeys, descending, nullsFirst, topN.limit(),
                topN.newerWinsTies(), topN.outputRowNumber(), emitAtEnd, inputTypes);
        String name = "Rank(" + (keys.length == 0 ? "global" : "keys " + Arrays.toString(keys)) + ", top "
                + topN.limit() + (topN.outputRowNumber() ? ", row number" : "") + ")";
        return addKeyed(name, input, factory, keys, out);
    }

    @Override
    public Stream onWindowTableFunction(WindowTableFunctionPhysicalRel rel) {
        Stream input = visit(rel.getInput());
        WindowDefinition window = rel.window();
        List<DataType> out = types(rel.getRowType());
        // Event-time windows drop late rows in streaming; a batch run sees its whole input, none late.
        boolean dropLate = streaming && window.eventTime();
        TimeKind time = window.eventTime() ? TimeKind.EVENT : TimeKind.PROCESSING;
        if (window.kind() == WindowTableFunction.Kind.SESSION) {
            int[] keys = rel.getInput() instanceof ExchangePhysicalRel exchange ? exchange.keys() : new int[0];
            List<DataType> types = input.types();
            OperatorFactory factory = () -> new SessionWindowTableFunctionOperator(keys, window.timeColumn(),
                    window.sizeMillis(), dropLate, types);
            // Without PARTITION BY one session spans all rows, so it runs in one subtask.
            return keys.length == 0 ? addSingle("Session" + window.describe(), input, factory, out)
                    : addForward("Session" + window.describe(), input, factory, out);
        }
        WindowSpec spec = new WindowSpec(WindowKind.valueOf(window.kind().name()), window.sizeMillis(),
                window.slideMillis(), window.offsetMillis(), time);
        int timeColumn = window.timeColumn();
        return addForward("Window" + window.describe(), input,
                () -> new WindowTableFunctionOperator(spec, timeColumn, dropLate), out);
    }

    /**
     * A TUMBLE or HOP aggregate as one operator that aggregates each row once into its slice and merges slices into
     * windows (see {@link SlicedAggregation}); the window TVF and the calc between them are not built.
     */
    private Stream slicedAggregate(WindowAggregatePhysicalRel rel, SlicedAggregation sliced) {
        Stream input = visit(sliced.window().getInput());
        WindowDefinition window = sliced.window().window();
        WindowSpec spec = new WindowSpec(WindowKind.valueOf(window.kind().name()), window.sizeMillis(),
                window.slideMillis(), window.offsetMillis(), TimeKind.EVENT);
        List<DataType> out = types(rel.getRowType());
        List<DataType> inputTypes = input.types();
        var calls = Aggregates.toRuntime(sliced.calls(), inputTypes, out, rel.getGroupCount());
        int timeColumn = window.timeColumn();
        int[] keys = sliced.keyColumns();
        int[] outputKeys = sliced.outputKeys();
        String name = "WindowAggregate(keys " + Arrays.toString(keys) + ", sliced " + window.describe() + ")";
        OperatorFactory factory = () -> new SlicedWindowAggregateOperator(spec, timeColumn, keys, outputKeys,
                inputTypes, calls);
        // Without keys there is one group per window: every row goes to one subtask, as the window's rows would.
        return addKeyed(name, input, factory, keys, out);
    }

    @Override
    public Stream onWindowAggregate(WindowAggregatePhysicalRel rel) {
        SessionAggregation session = streaming ? SessionAggregation.match(rel) : null;
        if (session != null) {
            return sessionAggregate(rel, session);
        }
        SlicedAggregation sliced = streaming ? SlicedAggregation.match(rel) : null;
        if (sliced != null) {
            return slicedAggregate(rel, sliced);
        }
        Stream input = visit(rel.getInput());
        int[] keys = rel.getGroupSet().toArray();
        List<DataType> out = types(rel.getRowType());
        var calls = Aggregates.toRuntime(rel.getAggCallList(), input.types(), out, keys.length);
        List<DataType> inputTypes = input.types();
        TimeKind time = rel.eventTime() ? TimeKind.EVENT : TimeKind.PROCESSING;
        int start = rel.windowStart();
        int end = rel.windowEnd();
        int vertex = graph.addOperator("WindowAggregate(keys " + Arrays.toString(keys) + ")", parallelism,
                () -> new WindowAggregateOperator(keys, start, end, inputTypes, calls, time), 1, out);
        graph.connect(input.vertex(), vertex, 0, Partitioning.hash(keys));
        return new Stream(vertex, parallelism, out);
    }

    /**
     * A session-window aggregate as one operator (see {@link SessionAggregation}), then a projection into the
     * aggregate's column order (group keys in input order, then calls).
     */
    private Stream sessionAggregate(WindowAggregatePhysicalRel rel, SessionAggregation session) {
        Stream source = visit(session.source());
        WindowDefinition window = session.window().window();
        int[] keys = session.partitionKeys();
        List<DataType> out = types(rel.getRowType());
        int groups = rel.getGroupCount();
        List<DataType> sessionTypes = new ArrayList<>();
        for (int key : keys) {
            sessionTypes.add(source.types().get(key));
        }
        sessionTypes.add(DataType.TIMESTAMP.withNullable(false));
        sessionTypes.add(DataType.TIMESTAMP.withNullable(false));
        sessionTypes.addAll(out.subList(groups, out.size()));
        var calls = Aggregates.toRuntime(session.calls(), source.types(), out, groups);
        List<DataType> sourceTypes = source.types();
        boolean dropLate = window.eventTime();
        int vertex = graph.addOperator("SessionWindowAggregate(keys " + Arrays.toString(keys) + ", gap "
                + window.sizeMillis() + "ms)", parallelism, () -> new SessionWindowAggregateOperator(keys,
                        window.timeColumn(), window.sizeMillis(), sourceTypes, calls, dropLate), 1, sessionTypes);
        graph.connect(source.vertex(), vertex, 0, Partitioning.hash(keys));
        ScalarEvaluator[] projections = new ScalarEvaluator[out.size()];
        for (int i = 0; i < projections.length; i++) {
            projections[i] = switch (session.role(rel, i)) {
                case KEY -> column(session.keyPosition(rel, i), sessionTypes);
                case START -> column(keys.length, sessionTypes);
                case END -> column(keys.length + 1, sessionTypes);
                case TIME -> new WindowTimeEvaluator(keys.length + 1);
                case CALL -> column(keys.length + 2 + i - groups, sessionTypes);
            };
        }
        return addForward("Calc(session columns)", new Stream(vertex, parallelism, sessionTypes),
                () -> new CalcOperator(null, projections), out);
    }

    private ScalarEvaluator column(int index, List<DataType> types) {
        return compiler.compile(rexBuilder.makeInputRef(
                RelTypes.toRelDataType(session.typeFactory(), types.get(index)), index), types);
    }

    @Override
    public Stream onStreamingSort(StreamingSortPhysicalRel rel) {
        Stream input = visit(rel.getInput());
        List<RelFieldCollation> fields = rel.getCollation().getFieldCollations();
        int timeColumn = fields.get(0).getFieldIndex();
        SortKeys sort = SortKeys.of(fields, 1);
        int[] keys = sort.keys();
        boolean[] descending = sort.descending();
        boolean[] nullsFirst = sort.nullsFirst();
        long fetch = literal(rel.fetch, -1);
        List<DataType> types = input.types();
        return addSingle("StreamingSort", input,
                () -> new StreamingSortOperator(timeColumn, keys, descending, nullsFirst, fetch, types), types);
    }

    /** Adds a Calc that casts each column whose runtime representation differs from the target type. */
    private Stream coerce(Stream input, RelDataType from, RelDataType to) {
        List<DataType> target = types(to);
        if (sameRepresentation(input.types(), target)) {
            return input;
        }
        List<RexNode> casts = new ArrayList<>();
        for (int i = 0; i < target.size(); i++) {
            RexNode ref = rexBuilder.makeInputRef(from.getFieldList().get(i).getType(), i);
            casts.add(rexBuilder.makeCast(to.getFieldList().get(i).getType(), ref, true, false));
        }
        ScalarEvaluator[] projections = casts.stream().map(c -> compiler.compile(c, input.types()))
                .toArray(ScalarEvaluator[]::new);
        return addForward("Cast", input, () -> new CalcOperator(null, projections), target);
    }

    private static boolean sameRepresentation(List<DataType> a, List<DataType> b) {
        for (int i = 0; i < a.size(); i++) {
            DataType x = a.get(i);
            DataType y = b.get(i);
            if (x.kind() != y.kind() || x.decimalScale() != y.decimalScale()) {
                return false;
            }
        }
        return true;
    }

    private Stream addForward(String name, Stream input, OperatorFactory factory, List<DataType> types) {
        int vertex = graph.addOperator(name, input.parallelism(), factory, 1, types);
        graph.connect(input.vertex(), vertex, 0, Partitioning.FORWARD);
        return new Stream(vertex, input.parallelism(), types);
    }

    /** A keyed operator: hash-partitioned on {@code keys}, or all rows to one subtask when there are none. */
    private Stream addKeyed(String name, Stream input, OperatorFactory factory, int[] keys, List<DataType> types) {
        if (keys.length == 0) {
            return addSingle(name, input, factory, types);
        }
        int vertex = graph.addOperator(name, parallelism, factory, 1, types);
        graph.connect(input.vertex(), vertex, 0, Partitioning.hash(keys));
        return new Stream(vertex, parallelism, types);
    }

    private Stream addSingle(String name, Stream input, OperatorFactory factory, List<DataType> types) {
        int vertex = graph.addOperator(name, 1, factory, 1, types);
        graph.connect(input.vertex(), vertex, 0, toSingle(input));
        return new Stream(vertex, 1, types);
    }

    private static Partitioning toSingle(Stream input) {
        return input.parallelism() == 1 ? Partitioning.FORWARD : Partitioning.SINGLE;
    }


    private static long literal(RexNode node, long defaultValue) {
        return node == null ? defaultValue : ((RexLiteral) node).getValueAs(Long.class);
    }

    private static List<DataType> types(RelDataType rowType) {
        return DataTypes.toDataTypes(rowType);
    }

    private static List<DataType> concat(List<DataType> a, List<DataType> b) {
        List<DataType> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
