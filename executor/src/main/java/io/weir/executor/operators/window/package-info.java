/**
 * Operators of event-time and processing-time streaming queries: the TUMBLE, HOP and CUMULATE window table
 * functions ({@link io.weir.executor.operators.window.WindowTableFunctionOperator}), the aggregate over their
 * windows ({@link io.weir.executor.operators.window.WindowAggregateOperator}), SESSION windows with their
 * aggregates ({@link io.weir.executor.operators.window.SessionWindowAggregateOperator}) and streaming
 * {@code ORDER BY rowtime} ({@link io.weir.executor.operators.window.StreamingSortOperator}).
 *
 * <p>Shared rules: results are insert-only and emitted once, when the watermark closes them ({@code end - 1 <= W}),
 * before that watermark is forwarded; each operator keeps the highest watermark it was handed and treats rows at
 * or below it as late (dropped, counted in {@link io.weir.executor.operators.window.WindowMetrics#LATE_RECORDS_DROPPED});
 * at end of input everything still open is emitted. Over the same rows, the results equal the batch operators'
 * wherever the watermarks fall, as long as no row is late.
 */
package io.weir.executor.operators.window;
