package io.weir.executor.connector.kafka;

/** Where a kafka source starts reading each partition: option {@code scan.startup.mode}, as in Flink. */
enum StartupMode {
    /** The earliest offset still in the log. */
    EARLIEST_OFFSET("earliest-offset"),
    /** The end of the log when the reader opens: only records produced afterwards are read. */
    LATEST_OFFSET("latest-offset"),
    /**
     * The offsets committed by consumer group {@code properties.group.id}; a partition without one (or a table
     * without a group) starts as {@code properties.auto.offset.reset} says, by default at the latest offset.
     */
    GROUP_OFFSETS("group-offsets"),
    /** The first record whose timestamp is at or after {@code scan.startup.timestamp-millis}. */
    TIMESTAMP("timestamp");

    private final String optionValue;

    StartupMode(String optionValue) {
        this.optionValue = optionValue;
    }

    String optionValue() {
        return optionValue;
    }

    static String[] optionValues() {
        StartupMode[] modes = values();
        String[] names = new String[modes.length];
        for (int i = 0; i < modes.length; i++) {
            names[i] = modes[i].optionValue;
        }
        return names;
    }

    static StartupMode fromOptionValue(String value) {
        for (StartupMode mode : values()) {
            if (mode.optionValue.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
