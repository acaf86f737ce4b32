package io.weir.server.http;

import io.weir.executor.api.WeirException;
import io.weir.server.json.ChangelogRows;
import io.weir.server.result.PagedResultBuffer;
import io.weir.server.result.ResultPage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * One {@code GET /v1/queries/{id}/results?token=N}: answers page {@code N} at once when it has rows (or the query
 * has ended), else long-polls: it answers when rows arrive or, after the timeout, with an empty page. The wait
 * holds no thread: the buffer's listener and Jetty's scheduler race to answer, and the first one does.
 *
 * <p>The answer: {@code {"rows": [{"op", "row"}...], "nextToken": N+1, "eos": false}}, plus {@code "dropped"}
 * when rows were dropped before this page, and {@code "state"} (and {@code "error"}) on the last page, whose
 * {@code nextToken} is null.
 */
final class ResultPageRequest {

    private final PagedResultBuffer buffer;
    private final long token;
    private final Response response;
    private final Callback callback;
    private final Executor executor;
    /** Rows arrived: answer on another thread, never on the query's sink thread that runs the listener. */
    private final Runnable onRowsArrived;
    /** Guarded by this, as is {@link #timeout}: the first of rows, timeout or failure answers. */
    private boolean answered;
    private Scheduler.Task timeout;

    private ResultPageRequest(PagedResultBuffer buffer, long token, Request request, Response response,
            Callback callback) {
        this.buffer = buffer;
        this.token = token;
        this.response = response;
        this.callback = callback;
        this.executor = request.getComponents().getExecutor();
        this.onRowsArrived = () -> executor.execute(() -> answer(false));
    }

    /**
     * Answers page {@code token} of {@code buffer}, waiting up to {@code timeoutMillis} for rows. A token that
     * is released or not issued yet throws at once, before anything is written.
     */
    static void start(PagedResultBuffer buffer, long token, long timeoutMillis, Request request, Response response,
            Callback callback) {
        new ResultPageRequest(buffer, token, request, response, callback).begin(timeoutMillis, request);
    }

    private synchronized void begin(long timeoutMillis, Request request) {
        ResultPage page = buffer.poll(token, timeoutMillis <= 0);
        if (page != null) {
            answered = true;
            JsonResponses.send(response, 200, body(page, buffer), callback);
            return;
        }
        request.addFailureListener(this::failed);
        timeout = request.getComponents().getScheduler().schedule(() -> answer(true), timeoutMillis,
                TimeUnit.MILLISECONDS);
        buffer.listen(onRowsArrived);
    }

    private synchronized void answer(boolean timedOut) {
        if (answered) {
            return;
        }
        ResultPage page;
        try {
            page = buffer.poll(token, timedOut);
        } catch (WeirException e) {
            // Another reader of the same result moved past this token meanwhile.
            finish();
            JsonResponses.sendError(response, e, callback);
            return;
        }
        if (page == null) {
            buffer.listen(onRowsArrived); // someone else took the rows; wait on
            return;
        }
        finish();
        JsonResponses.send(response, 200, body(page, buffer), callback);
    }

    private synchronized void failed(Throwable failure) {
        if (answered) {
            return;
        }
        finish();
        callback.failed(failure);
    }

    private void finish() {
        answered = true;
        if (timeout != null) {
            timeout.cancel();
        }
        buffer.unlisten(onRowsArrived);
    }

    static Map<String, Object> body(ResultPage page, PagedResultBuffer buffer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rows", new ChangelogRows(buffer.types(), page.rows()));
        body.put("nextToken", page.nextToken());
        body.put("eos", page.eos());
        if (page.dropped() > 0) {
            body.put("dropped", page.dropped());
        }
        if (page.end() != null) {
            body.put("state", page.end().state());
            if (page.end().failed()) {
                body.put("error", page.end().error());
            }
        }
        return body;
    }
}
