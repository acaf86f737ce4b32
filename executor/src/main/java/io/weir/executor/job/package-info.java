/**
 * The executor's public entry point: {@link io.weir.executor.job.JobManager#submit} runs a
 * {@link io.weir.executor.graph.JobGraph} as a {@link io.weir.executor.job.Job}, configured by
 * {@link io.weir.executor.job.RuntimeOptions}.
 */
package io.weir.executor.job;
