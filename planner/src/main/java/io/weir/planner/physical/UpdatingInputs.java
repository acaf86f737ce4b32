package io.weir.planner.physical;

import org.apache.calcite.rel.RelNode;

/**
 * Whether a physical plan may emit retractions ({@code -U}, {@code -D}): whether a GROUP BY over it must take rows
 * back, or can keep the cheaper insert-only state. {@link ChangelogModes} has already rejected every plan in which
 * an operator that cannot read updates would; this only tells the operators that can which input they get.
 */
public final class UpdatingInputs {

    private UpdatingInputs() {
    }

    /**
     * True when {@code rel} may emit retractions: it is, or reads from, a GROUP BY whose result is updated (one with
     * aggregate calls, or one over an updating input). Conservative: any such GROUP BY below counts.
     */
    public static boolean mayRetract(RelNode rel) {
        if (rel instanceof GroupAggregatePhysicalRel aggregate && !aggregate.getAggCallList().isEmpty()) {
            return true;
        }
        for (RelNode input : rel.getInputs()) {
            if (mayRetract(input)) {
                return true;
            }
        }
        return false;
    }
}
