package io.weir.executor.job;

import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared helpers of the job tests. */
final class JobTesting {

    /** Generous: only a hung job ever reaches it. */
    static final long TIMEOUT_SECONDS = 60;

    private JobTesting() {
    }

    /** The names of live threads of the graph's tasks. */
    static List<String> liveTaskThreads(String graphName) {
        String prefix = "weir-task-" + graphName + "-";
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(prefix))
                .toList();
    }

    static void awaitSuccess(Job job) throws Exception {
        job.completion().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits until the condition holds; fails the test after the timeout. */
    static void await(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(2);
        }
    }
}
