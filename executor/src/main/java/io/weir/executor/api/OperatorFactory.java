package io.weir.executor.api;

/**
 * Creates one operator instance per parallel subtask. Factories are built by the planner and hold only
 * immutable configuration (compiled evaluators, key indexes, types), so one factory serves every subtask.
 */
@FunctionalInterface
public interface OperatorFactory {

    Operator create();
}
