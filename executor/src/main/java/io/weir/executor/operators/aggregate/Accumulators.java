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
        return create(call, false);
    }

    /**
     * @param retracting whether the accumulator must also take rows back ({@link Accumulator#retract}): MIN and MAX
     *                   then keep every value per group
     * @throws WeirException of kind PLAN when the call cannot be computed (or, retracting, cannot take rows back)
     */
    public static Accumulator create(AggregateCall call, boolean retracting) {
        if (retracting) {
            return retracting(call);
        }
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

    private static Accumulator retracting(AggregateCall call) {
        return switch (call.kind()) {
            case COUNT, SUM, SUM0, AVG -> create(call, false);
            case MIN, MAX -> {
                if (call.argType() == null) {
                    throw unsupported(call);
                }
                yield new MinMaxMultisetAccumulator(call.kind() == AggregateKind.MAX, call.argType(),
                        call.resultType());
            }
            default -> throw notRetractable(call.kind().name());
        };
    }

    /** The error for a function that cannot read an updating input; the planner checks with {@link #canRetract}. */
    public static WeirException notRetractable(String function) {
        return WeirException.plan(function + " cannot read the updating result of a GROUP BY (its rows can be "
                + "retracted, and " + function + " cannot take a row back); COUNT, SUM, AVG, MIN and MAX can "
                + "(DISTINCT too)");
    }

    /** Whether a GROUP BY over an updating input can compute {@code kind} (without DISTINCT). */
    public static boolean canRetract(AggregateKind kind) {
        return switch (kind) {
            case COUNT, SUM, SUM0, AVG, MIN, MAX -> true;
            default -> false;
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
