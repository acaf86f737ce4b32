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
     * aggregate calls, or one over an updating input) or a Top-N (streaming: rows leave the top N). Conservative: any
     * such operator below counts.
     */
    public static boolean mayRetract(RelNode rel) {
        if (rel instanceof GroupAggregatePhysicalRel aggregate && !aggregate.getAggCallList().isEmpty()
                || rel instanceof RankPhysicalRel) {
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
