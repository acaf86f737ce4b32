package io.weir.executor.connector.kafka;

/** Which partition a kafka sink writes a row to: option {@code sink.partitioner}, as in Flink. */
enum SinkPartitioner {
    /** Kafka's default partitioner: rows have no key, so it fills batches for one partition at a time (sticky). */
    DEFAULT("default"),
    /** Each sink subtask writes to one partition: {@code subtask % partitions}. */
    FIXED("fixed"),
    /** Kafka's round-robin partitioner: every partition in turn. */
    ROUND_ROBIN("round-robin");

    private final String optionValue;

    SinkPartitioner(String optionValue) {
        this.optionValue = optionValue;
    }

    static String[] optionValues() {
        SinkPartitioner[] all = values();
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = all[i].optionValue;
        }
        return names;
    }

    static SinkPartitioner fromOptionValue(String value) {
        for (SinkPartitioner partitioner : values()) {
            if (partitioner.optionValue.equals(value)) {
                return partitioner;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
