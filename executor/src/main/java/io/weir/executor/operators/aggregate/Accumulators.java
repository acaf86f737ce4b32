package io.weir.executor.operators.aggregate;

import io.weir.executor.api.AggregateCall;
import io.weir.executor.api.AggregateKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.PhysicalType;

/** Picks the {@link Accumulator} for an aggregate call by its function and the argument's physical type. */
public final class Accumulators {

    private Accumulators() {
    }

    public static Accumulator create(AggregateCall call) {
        PhysicalType arg = call.argIndex() < 0 || call.argType() == null ? null : call.argType().physical();
        return switch (call.kind()) {
            case COUNT -> new CountAccumulator();
            case SUM, SUM0, AVG -> {
                if (arg == PhysicalType.LONG) {
                    yield new LongSumAccumulator(call.kind(), call.argType(), call.resultType());
                }
                if (arg == PhysicalType.DOUBLE) {
                    yield new DoubleSumAccumulator(call.kind(), call.resultType());
                }
                throw unsupported(call);
            }
            case MIN, MAX -> minMax(call, arg, call.kind() == AggregateKind.MAX);
            case EVERY, SOME -> {
                if (arg != PhysicalType.BOOLEAN) {
                    throw unsupported(call);
                }
                yield new BooleanAndOrAccumulator(call.kind() == AggregateKind.SOME);
            }
            case ANY_VALUE, SINGLE_VALUE -> {
                if (arg == null) {
                    throw unsupported(call);
                }
                yield new ValueAccumulator(call.kind() == AggregateKind.SINGLE_VALUE,
                        call.argType());
            }
        };
    }

    private static Accumulator minMax(AggregateCall call, PhysicalType arg, boolean max) {
        if (arg == null) {
            throw unsupported(call);
        }
        return switch (arg) {
            case LONG -> new LongMinMaxAccumulator(max);
            case DOUBLE -> new DoubleMinMaxAccumulator(max);
            case STRING -> new StringMinMaxAccumulator(max);
            // FALSE < TRUE: MIN is AND and MAX is OR.
            case BOOLEAN -> new BooleanAndOrAccumulator(max);
        };
    }

    private static WeirException unsupported(AggregateCall call) {
        return WeirException.plan("Aggregate " + call.kind() + " is not supported for argument type "
                + (call.argType() == null ? "none" : call.argType().sqlName()));
    }
}
