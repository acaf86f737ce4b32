package io.weir.server;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for something asynchronous by polling it, with a generous bound; never asserts how long it took. */
public final class Await {

    public static final Duration GENEROUS = Duration.ofSeconds(30);

    private Await() {
    }

    public static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + GENEROUS.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting until " + what);
            }
        }
    }
}
