package io.weir.server.result;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.ResultCollector;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bounded buffer between a continuous query's sink and its client: rows arrive as chunks on the sink's task
 * thread ({@link #collect}) and leave as numbered pages ({@link #poll}) on HTTP threads.
 *
 * <p>Pages are cut when the client asks for them: page {@code N} holds what arrived since page {@code N-1} was
 * cut, up to {@link ResultOptions#pageRows()} rows. Asking for token {@code N+1} releases page {@code N}; until
 * then page {@code N} is kept so a retry of {@code N} answers the same rows. Older tokens are gone.
 *
 * <p>At most {@link ResultOptions#bufferRows()} rows are held (pending rows plus the retained page; a single
 * chunk larger than that is let in alone). When full, policy {@link BufferPolicy#BLOCK} makes {@link #collect}
 * wait, which backpressures this query and no other; {@link BufferPolicy#DROP_OLDEST} releases the retained page
 * and drops the oldest pending rows, which the next page reports.
 *
 * <p>Consumers never block here: {@link #poll} answers at once, and {@link #listen} registers a one-shot
 * listener for when rows or the end arrive (long-polls and streams wait that way without holding a thread).
 * Listeners run on the thread that made the change, outside the lock, and must only hand work off.
 *
 * <p>Thread-safe. One client at a time is expected: two consumers would split the rows between them.
 */
public final class PagedResultBuffer implements ResultCollector {

    private final List<DataType> types;
    private final ResultOptions options;
    private final LongAdder deliveredRows;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition spaceFreed = lock.newCondition();

    // All guarded by lock.
    private final ArrayDeque<RowSlice> pending = new ArrayDeque<>();
    private long pendingRows;
    /** The last page cut, kept for a retry until the next token is asked for; null before the first. */
    private ResultPage retained;
    /** The token the next page cut will get. */
    private long nextToken;
    private long droppedSincePage;
    private long droppedTotal;
    private long deliveredTotal;
    /** Set once when the query ends; no row is accepted after it. */
    private ResultEnd end;
    private List<Runnable> listeners = new ArrayList<>();

    /**
     * @param types         the result's column types (for writing rows out)
     * @param deliveredRows a counter (shared by the server's queries) of rows handed out in pages
     */
    public PagedResultBuffer(List<DataType> types, ResultOptions options, LongAdder deliveredRows) {
        this.types = List.copyOf(types);
        this.options = options;
        this.deliveredRows = deliveredRows;
    }

    public List<DataType> types() {
        return types;
    }

    public ResultOptions options() {
        return options;
    }

    /**
     * Takes a chunk from the sink. With policy BLOCK this waits while the buffer is full; a cancel interrupts
     * the sink's thread, which ends the wait with an exception (the job is over by then, so it is not reported).
     *
     * @throws WeirException once the result has ended (the query was cancelled while rows were in flight)
     */
    @Override
    public void collect(Chunk chunk) {
        if (chunk.isEmpty()) {
            return;
        }
        List<Runnable> toNotify;
        lock.lock();
        try {
            RowSlice rows = RowSlice.of(chunk);
            if (options.policy() == BufferPolicy.BLOCK) {
                awaitSpace(rows.size());
            } else {
                rows = makeRoom(rows);
            }
            pending.addLast(rows);
            pendingRows += rows.size();
            toNotify = takeListeners();
        } finally {
            lock.unlock();
        }
        toNotify.forEach(Runnable::run);
    }

    private void awaitSpace(int rows) {
        while (end == null && bufferedRows() > 0 && bufferedRows() + rows > options.bufferRows()) {
            try {
                spaceFreed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new WeirException(ErrorKind.EXECUTION, "Interrupted while waiting for the client to fetch results");
            }
        }
        if (end != null) {
            throw new WeirException(ErrorKind.EXECUTION, "The query's results were closed (" + end.state() + ")");
        }
    }

    /**
     * Makes room for {@code incoming}, oldest rows first: the retained page (delivered already, so nothing is
     * lost but a retry of it), then pending rows, then if need be the oldest rows of {@code incoming} itself.
     */
    private RowSlice makeRoom(RowSlice incoming) {
        if (end != null) {
            throw new WeirException(ErrorKind.EXECUTION, "The query's results were closed (" + end.state() + ")");
        }
        long excess = bufferedRows() + incoming.size() - options.bufferRows();
        if (excess > 0 && retained != null) {
            excess -= retained.rowCount();
            retained = null;
        }
        while (excess > 0 && !pending.isEmpty()) {
            RowSlice oldest = pending.pollFirst();
            int drop = (int) Math.min(excess, oldest.size());
            if (drop < oldest.size()) {
                pending.addFirst(oldest.dropHead(drop));
            }
            pendingRows -= drop;
            dropped(drop);
            excess -= drop;
        }
        if (excess > 0) {
            int drop = (int) Math.min(excess, incoming.size());
            dropped(drop);
            return incoming.dropHead(drop);
        }
        return incoming;
    }

    private void dropped(long rows) {
        droppedSincePage += rows;
        droppedTotal += rows;
    }

    private long bufferedRows() {
        return pendingRows + (retained == null ? 0 : retained.rowCount());
    }

    /**
     * The query ended: a FINISHED or FAILED result still hands out its pending rows, then its last page says
     * {@code eos}; a CANCELED result drops them and ends at once. A blocked {@link #collect} is released.
     * Only the first call counts.
     */
    public void end(ResultEnd how) {
        List<Runnable> toNotify;
        lock.lock();
        try {
            if (end != null) {
                return;
            }
            end = how;
            if ("CANCELED".equals(how.state())) {
                pending.clear();
                pendingRows = 0;
            }
            spaceFreed.signalAll();
            toNotify = takeListeners();
        } finally {
            lock.unlock();
        }
        toNotify.forEach(Runnable::run);
    }

    /**
     * Page {@code token}, without waiting. Asking for the next token releases the page before it and cuts a new
     * page of what is pending; when nothing is, this returns null, or with {@code allowEmpty} an empty page
     * (after a long-poll timed out). The page that takes the last rows of an ended query says {@code eos}, and
     * so does every page after it (empty). Asking again for the page just cut gives it again.
     *
     * @throws ResultsReleasedException for a token older than the retained page
     * @throws WeirException            (BAD_REQUEST) for a token not issued yet
     */
    public ResultPage poll(long token, boolean allowEmpty) {
        lock.lock();
        try {
            if (retained != null && token == retained.token()) {
                return retained;
            }
            if (token < nextToken) {
                throw new ResultsReleasedException("Page " + token + " is no longer held (a page is released "
                        + "once the next one is asked for); continue from token " + nextToken);
            }
            if (token > nextToken) {
                throw new WeirException(ErrorKind.BAD_REQUEST, "Page " + token + " does not exist yet; the next "
                        + "page is token " + nextToken);
            }
            if (retained != null) {
                // The client moved on: its last page is released even if nothing new is there yet, so a
                // sink blocked on a full buffer can go on.
                retained = null;
                spaceFreed.signalAll();
            }
            if (pendingRows == 0 && end == null && !allowEmpty) {
                return null;
            }
            return cutPage();
        } finally {
            lock.unlock();
        }
    }

    private ResultPage cutPage() {
        List<RowSlice> rows = new ArrayList<>();
        int room = options.pageRows();
        while (room > 0 && !pending.isEmpty()) {
            RowSlice slice = pending.pollFirst();
            if (slice.size() > room) {
                pending.addFirst(slice.dropHead(room));
                slice = slice.head(room);
            }
            rows.add(slice);
            room -= slice.size();
            pendingRows -= slice.size();
        }
        int count = options.pageRows() - room;
        boolean eos = end != null && pending.isEmpty();
        retained = new ResultPage(nextToken++, rows, droppedSincePage, eos, eos ? end : null);
        droppedSincePage = 0;
        deliveredTotal += count;
        deliveredRows.add(count);
        spaceFreed.signalAll();
        return retained;
    }

    /**
     * Runs {@code listener} once, when rows are pending or the result has ended; at once (on this thread) if
     * that is already so. Returns true when it was registered, false when it ran at once.
     */
    public boolean listen(Runnable listener) {
        lock.lock();
        try {
            if (pendingRows == 0 && end == null) {
                listeners.add(listener);
                return true;
            }
        } finally {
            lock.unlock();
        }
        listener.run();
        return false;
    }

    /** Forgets a listener that is no longer wanted (its request timed out or went away). */
    public void unlisten(Runnable listener) {
        lock.lock();
        try {
            listeners.remove(listener);
        } finally {
            lock.unlock();
        }
    }

    private List<Runnable> takeListeners() {
        if (listeners.isEmpty()) {
            return List.of();
        }
        List<Runnable> taken = listeners;
        listeners = new ArrayList<>();
        return taken;
    }

    /** The token a new consumer starts from: the retained page if there is one, else the next page. */
    public long firstAvailableToken() {
        lock.lock();
        try {
            return retained != null ? retained.token() : nextToken;
        } finally {
            lock.unlock();
        }
    }

    /** A consistent view of the counters, for the query's description and metrics. */
    public Stats stats() {
        lock.lock();
        try {
            return new Stats(bufferedRows(), deliveredTotal, droppedTotal, nextToken, end != null);
        } finally {
            lock.unlock();
        }
    }

    /**
     * @param bufferedRows  rows held now (pending and retained)
     * @param deliveredRows rows handed out in pages so far
     * @param droppedRows   rows dropped by policy {@code drop-oldest} so far
     * @param nextToken     the token of the next page to be cut
     * @param ended         whether the query has ended
     */
    public record Stats(long bufferedRows, long deliveredRows, long droppedRows, long nextToken, boolean ended) {
    }
}
