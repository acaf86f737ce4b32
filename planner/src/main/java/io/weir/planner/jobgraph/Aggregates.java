package io.weir.planner.jobgraph;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.util.ArrayList;
import java.util.List;

/** Calcite's aggregate calls to the runtime's {@link AggregateCall}s. */
final class Aggregates {

    private Aggregates() {
    }

    /**
     * @param outputTypes the aggregate's output row: group keys first, then one column per call
     */
    static List<AggregateCall> toRuntime(List<org.apache.calcite.rel.core.AggregateCall> calls,
            List<DataType> inputTypes, List<DataType> outputTypes, int keyCount) {
        List<AggregateCall> result = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            var call = calls.get(i);
            if (call.getArgList().size() > 1) {
                throw WeirException.plan("Aggregate " + call + " with several arguments is not supported");
            }
            int arg = call.getArgList().isEmpty() ? -1 : call.getArgList().get(0);
            result.add(new AggregateCall(kind(call), arg, call.filterArg, call.isDistinct(),
                    arg < 0 ? null : inputTypes.get(arg), outputTypes.get(keyCount + i)));
        }
        return result;
    }

    private static AggregateKind kind(org.apache.calcite.rel.core.AggregateCall call) {
        return switch (call.getAggregation().getKind()) {
            case COUNT -> AggregateKind.COUNT;
            case SUM -> AggregateKind.SUM;
            case SUM0 -> AggregateKind.SUM0;
            case MIN -> AggregateKind.MIN;
            case MAX -> AggregateKind.MAX;
            case AVG -> AggregateKind.AVG;
            case ANY_VALUE -> AggregateKind.ANY_VALUE;
            case SINGLE_VALUE -> AggregateKind.SINGLE_VALUE;
            default -> throw WeirException.plan("Aggregate function " + call.getAggregation().getName()
                    + " is not supported yet");
        };
    }
}
