package io.weir.planner.physical;

import org.apache.calcite.rel.RelNode;

/** A relational operator Weir can run; {@link #accept} dispatches to the job-graph builder. */
public interface PhysicalRel extends RelNode {

    <T> T accept(PhysicalRelVisitor<T> visitor);
}
