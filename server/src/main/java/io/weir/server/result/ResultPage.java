package io.weir.server.result;

import java.util.List;

/**
 * One page of a continuous query's results, as {@code GET /v1/queries/{id}/results?token=N} answers it. A page
 * once cut never changes, so asking for the same token again (a retry) gives the same rows.
 *
 * @param token   this page's token
 * @param rows    the rows, in arrival order
 * @param dropped rows dropped (policy {@code drop-oldest}) between the previous page and this one
 * @param eos     true when the query has ended and this page holds the last of its rows
 * @param end     how the query ended when {@code eos}, else null
 */
public record ResultPage(long token, List<RowSlice> rows, long dropped, boolean eos, ResultEnd end) {

    public ResultPage {
        rows = List.copyOf(rows);
    }

    public int rowCount() {
        int count = 0;
        for (RowSlice slice : rows) {
            count += slice.size();
        }
        return count;
    }

    /** The token of the page after this one, or null after the last page. */
    public Long nextToken() {
        return eos ? null : token + 1;
    }
}
