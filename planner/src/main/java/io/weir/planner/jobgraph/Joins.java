package io.weir.planner.jobgraph;

import io.weir.executor.api.JoinType;
import org.apache.calcite.rel.core.JoinRelType;

/** Calcite's join types to the runtime's. */
final class Joins {

    private Joins() {
    }

    static JoinType toRuntime(JoinRelType type) {
        return switch (type) {
            case INNER -> JoinType.INNER;
            case LEFT -> JoinType.LEFT;
            case RIGHT -> JoinType.RIGHT;
            case FULL -> JoinType.FULL;
            case SEMI -> JoinType.SEMI;
            case ANTI -> JoinType.ANTI;
            default -> throw new IllegalArgumentException("Join type " + type + " has no physical operator");
        };
    }
}
