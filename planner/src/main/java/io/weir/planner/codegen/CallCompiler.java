package io.weir.planner.codegen;

import io.weir.executor.api.ScalarEvaluator;

/** Compiles one operator's calls, given the call with its operands already compiled. */
@FunctionalInterface
interface CallCompiler {

    /**
     * Returns the evaluator for the call; throws a PLAN {@link io.weir.executor.api.WeirException} when the
     * operand types are not supported. Never fails later, at run time, for a reason known now.
     */
    ScalarEvaluator compile(Call call);
}
