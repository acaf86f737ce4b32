/**
 * Checkpoints: the coordinator that triggers them and completes them, the barrier aligner, the in-memory and
 * on-disk form of operator state, checkpoint storage, and restore.
 */
package io.weir.executor.checkpoint;
