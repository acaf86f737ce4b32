package io.weir.planner.physical;

/** One method per physical operator; the job-graph builder is the visitor that matters. */
public interface PhysicalRelVisitor<T> {

    T onScan(ScanPhysicalRel rel);

    T onValues(ValuesPhysicalRel rel);

    T onCalc(CalcPhysicalRel rel);

    T onHashAggregate(HashAggregatePhysicalRel rel);

    T onHashJoin(HashJoinPhysicalRel rel);

    T onNestedLoopJoin(NestedLoopJoinPhysicalRel rel);

    T onStreamingJoin(StreamingJoinPhysicalRel rel);

    T onSort(SortPhysicalRel rel);

    T onLimit(LimitPhysicalRel rel);

    T onUnion(UnionPhysicalRel rel);

    T onSetOp(SetOpPhysicalRel rel);

    T onSink(SinkPhysicalRel rel);

    T onWindowTableFunction(WindowTableFunctionPhysicalRel rel);

    T onWindowAggregate(WindowAggregatePhysicalRel rel);

    T onStreamingSort(StreamingSortPhysicalRel rel);

    T onExchange(ExchangePhysicalRel rel);

    T onGroupAggregate(GroupAggregatePhysicalRel rel);

    T onRank(RankPhysicalRel rel);
}
