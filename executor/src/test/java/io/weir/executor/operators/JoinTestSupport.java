package io.weir.executor.operators;

import java.util.List;
import java.util.Random;

/** Feeds two join inputs in a random interleaving, as the runtime may deliver them. */
final class JoinTestSupport {

    private JoinTestSupport() {
    }

    /** Pushes both sides row group by row group in random order, ending each input when it runs out. */
    static void pushInterleaved(OperatorTestHarness h, Random random, List<List<Object>> left,
            List<List<Object>> right) throws Exception {
        int l = 0;
        int r = 0;
        boolean leftEnded = false;
        boolean rightEnded = false;
        while (!leftEnded || !rightEnded) {
            boolean pickLeft = !leftEnded && (rightEnded || random.nextBoolean());
            if (pickLeft) {
                if (l == left.size()) {
                    h.endInput(0);
                    leftEnded = true;
                } else {
                    int n = Math.min(left.size() - l, 1 + random.nextInt(4));
                    h.pushRows(0, left.subList(l, l + n));
                    l += n;
                }
            } else if (r == right.size()) {
                h.endInput(1);
                rightEnded = true;
            } else {
                int n = Math.min(right.size() - r, 1 + random.nextInt(4));
                h.pushRows(1, right.subList(r, r + n));
                r += n;
            }
        }
    }
}
