package io.weir.planner.physical;

import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rex.RexNode;

/**
 * Streaming inner equi-join: both inputs are kept (by window when both sides' window_end are equated, see
 * {@link WindowEnds}) and each arriving row is matched against what the other side kept.
 */
public final class StreamingJoinPhysicalRel extends Join implements PhysicalRel {

    public StreamingJoinPhysicalRel(RelOptCluster cluster, RelTraitSet traits, RelNode left, RelNode right,
            RexNode condition) {
        super(cluster, traits, List.of(), left, right, condition, Set.of(), JoinRelType.INNER);
    }

    @Override
    public Join copy(RelTraitSet traitSet, RexNode condition, RelNode left, RelNode right, JoinRelType joinType,
            boolean semiJoinDone) {
        return new StreamingJoinPhysicalRel(getCluster(), traitSet, left, right, condition);
    }

    /** The equi-keys and the remaining condition. */
    public JoinKeys keys() {
        return JoinKeys.of(this);
    }

    /**
     * The key pair that equates the two inputs' event-time {@code window_end}s, as {left key, right key}
     * column indexes, or null for a regular join.
     */
    public int[] windowEndKeys() {
        JoinKeys keys = keys();
        for (int k = 0; k < keys.leftKeys().length; k++) {
            if (!keys.nullSafe()[k] && WindowEnds.isEventTimeWindowEnd(getLeft(), keys.leftKeys()[k])
                    && WindowEnds.isEventTimeWindowEnd(getRight(), keys.rightKeys()[k])) {
                return new int[] {keys.leftKeys()[k], keys.rightKeys()[k]};
            }
        }
        return null;
    }

    /** How long the rows of each side of a regular join can still match (none for a window join). */
    public JoinTimeBounds timeBounds() {
        return windowEndKeys() != null ? JoinTimeBounds.NONE : JoinTimeBounds.of(this, keys());
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return JoinSupport.cost(this, planner, mq);
    }

    @Override
    public <T> T accept(PhysicalRelVisitor<T> visitor) {
        return visitor.onStreamingJoin(this);
    }
}
