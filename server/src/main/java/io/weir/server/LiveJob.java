package io.weir.server;

import io.weir.executor.graph.JobGraph;
import io.weir.executor.job.Job;

/** A query's job while its threads run, with the graph it was built from (for per-operator statistics). */
record LiveJob(Job job, JobGraph graph) {
}
