package io.weir.executor.operators.window;

/** Which clock places rows in windows and decides when windows close. */
public enum TimeKind {
    /** The row's rowtime column; windows close when the watermark passes their end. */
    EVENT,
    /** The task's clock when the row arrives; windows close on processing-time timers. */
    PROCESSING
}
