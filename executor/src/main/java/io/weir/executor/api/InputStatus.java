package io.weir.executor.api;

/** What a {@link SourceReader} says after a poll. */
public enum InputStatus {
    /** More data can be read right away; poll again. */
    MORE_AVAILABLE,
    /** Nothing to read now (an unbounded source waiting for data); the task may idle briefly. */
    NOTHING_AVAILABLE,
    /** The source is exhausted; it will not be polled again. */
    END_OF_INPUT
}
