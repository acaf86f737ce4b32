package io.weir.server.http;

import io.weir.executor.api.WeirException;
import io.weir.server.result.PagedResultBuffer;
import io.weir.server.result.ResultPage;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One {@code GET /v1/queries/{id}/results/stream}: writes a continuous query's rows as they arrive, as NDJSON
 * or server-sent events ({@link StreamFormat}), until the query ends. Writes are asynchronous and one at a time;
 * the next starts from the previous one's callback, so a slow client slows its own stream (and, through the
 * buffer, its own query) and holds no thread while it reads.
 *
 * <p>A failed write means the client went away: the stream stops and {@code onClientGone} runs (it cancels the
 * query). An idle stream sends a keep-alive now and then, so a vanished client is noticed even when no row
 * comes, and proxies do not time the connection out.
 */
final class ResultStream {

    private final PagedResultBuffer buffer;
    private final StreamFormat format;
    private final Response response;
    private final Callback callback;
    private final Executor executor;
    private final Scheduler scheduler;
    private final long keepAliveMillis;
    private final Runnable onClientGone;
    private final Runnable onRowsArrived;
    private final Callback writeDone = Callback.from(this::written, this::clientGone);

    // Guarded by this.
    private long token;
    /** A write is in flight; nothing else may be written until its callback. */
    private boolean writing;
    /** The write in flight is the last one. */
    private boolean writingLast;
    /** Either the last write completed or the client went away: nothing more happens. */
    private boolean done;
    private long lastWriteNanos;
    private Scheduler.Task keepAlive;

    private ResultStream(PagedResultBuffer buffer, long token, StreamFormat format, Request request,
            Response response, Callback callback, long keepAliveMillis, Runnable onClientGone) {
        this.buffer = buffer;
        this.token = token;
        this.format = format;
        this.response = response;
        this.callback = callback;
        this.executor = request.getComponents().getExecutor();
        this.scheduler = request.getComponents().getScheduler();
        this.keepAliveMillis = keepAliveMillis;
        this.onClientGone = onClientGone;
        this.onRowsArrived = () -> executor.execute(this::pump);
    }

    /** Starts streaming {@code buffer} from page {@code token}: sends the headers at once, then rows as they come. */
    static void start(PagedResultBuffer buffer, long token, StreamFormat format, long keepAliveMillis,
            Request request, Response response, Callback callback, Runnable onClientGone) {
        ResultStream stream = new ResultStream(buffer, token, format, request, response, callback, keepAliveMillis,
                onClientGone);
        request.addFailureListener(stream::clientGone);
        stream.begin();
    }

    private synchronized void begin() {
        response.setStatus(200);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, format.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-cache");
        // An empty write commits the headers, so the client knows the stream is open before the first row.
        write(ByteBuffer.allocate(0), false);
        keepAlive = scheduler.schedule(this::checkKeepAlive, keepAliveMillis, TimeUnit.MILLISECONDS);
    }

    /** Writes whatever is pending, or waits for rows; runs on Jetty's executor. */
    private synchronized void pump() {
        if (done || writing) {
            return;
        }
        ResultPage page;
        try {
            page = buffer.poll(token, false);
        } catch (WeirException e) {
            // Another reader moved past this stream's position: say so and end the stream.
            write(format.error(e), true);
            return;
        }
        if (page == null) {
            buffer.listen(onRowsArrived);
            return;
        }
        token = page.token() + 1;
        write(format.page(buffer.types(), page), page.eos());
    }

    private void write(ByteBuffer bytes, boolean last) {
        writing = true;
        writingLast = last;
        lastWriteNanos = System.nanoTime();
        response.write(last, bytes, writeDone);
    }

    private void written() {
        synchronized (this) {
            writing = false;
            if (!writingLast) {
                // Not pump() here: a write that completes at once calls back on this thread, and recursing
                // through every pending page would grow the stack.
                executor.execute(this::pump);
                return;
            }
            stop();
        }
        callback.succeeded();
    }

    private void clientGone(Throwable failure) {
        synchronized (this) {
            if (done) {
                return;
            }
            stop();
        }
        callback.failed(failure);
        onClientGone.run();
    }

    private void stop() {
        done = true;
        if (keepAlive != null) {
            keepAlive.cancel();
        }
        buffer.unlisten(onRowsArrived);
    }

    /**
     * Sends a keep-alive when nothing was written for the interval. A write to a connection the client closed
     * may still succeed (the socket learns of the close from it), so a gone client is noticed at the second.
     */
    private synchronized void checkKeepAlive() {
        if (done) {
            return;
        }
        long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastWriteNanos);
        if (!writing && idleMillis >= keepAliveMillis) {
            write(format.keepAlive(), false);
            idleMillis = 0;
        }
        keepAlive = scheduler.schedule(this::checkKeepAlive, Math.max(1, keepAliveMillis - idleMillis),
                TimeUnit.MILLISECONDS);
    }
}
