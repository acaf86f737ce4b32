package io.weir.executor.runtime;

import io.weir.executor.data.StreamElement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The bounded in-process queue between one producer subtask and one consumer subtask. Elements pass by
 * reference (chunks are immutable), in order. A full queue blocks the producer: that is backpressure.
 *
 * <p>Threads: exactly one producer thread calls {@link #put}, exactly one consumer thread calls {@link #poll}.
 */
public final class Channel {

    /** How often a blocked producer looks at the cancel flag, in case an operator swallowed the interrupt. */
    private static final long CANCEL_CHECK_MILLIS = 50;

    private final String name;
    private final BlockingQueue<StreamElement> queue;
    private final Wakeup consumer;
    private final Cancellation cancellation;

    public Channel(String name, int capacity, Wakeup consumer, Cancellation cancellation) {
        this.name = name;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.consumer = consumer;
        this.cancellation = cancellation;
    }

    /**
     * Appends an element, blocking while the queue is full.
     *
     * @throws TaskCanceledException when the job is cancelled or the thread interrupted while waiting
     */
    public void put(StreamElement element) {
        try {
            while (!queue.offer(element, CANCEL_CHECK_MILLIS, TimeUnit.MILLISECONDS)) {
                cancellation.throwIfCancelled();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskCanceledException("Interrupted while sending to " + name);
        }
        consumer.signal();
    }

    /** The next element, or null when none is queued now; never blocks. */
    public StreamElement poll() {
        return queue.poll();
    }

    @Override
    public String toString() {
        return name;
    }
}
