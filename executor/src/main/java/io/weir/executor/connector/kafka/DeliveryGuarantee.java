package io.weir.executor.connector.kafka;

/** What a kafka sink promises about the records of a failed and restored query: {@code sink.delivery-guarantee}. */
enum DeliveryGuarantee {
    /**
     * Each row is committed exactly once, in Kafka transactions committed when a checkpoint completes: a
     * {@code read_committed} consumer sees each row once. Needs checkpointing and {@code sink.transactional-id-prefix}.
     */
    EXACTLY_ONCE("exactly-once"),
    /** Rows are flushed at every checkpoint barrier, so none is lost; rows written after the last checkpoint are
     * written again after a restore (duplicates). */
    AT_LEAST_ONCE("at-least-once"),
    /** Rows are sent as they come, without waiting at checkpoints: a failure may lose or duplicate some. */
    NONE("none");

    private final String optionValue;

    DeliveryGuarantee(String optionValue) {
        this.optionValue = optionValue;
    }

    String optionValue() {
        return optionValue;
    }

    static String[] optionValues() {
        DeliveryGuarantee[] all = values();
        String[] names = new String[all.length];
        for (int i = 0; i < all.length; i++) {
            names[i] = all[i].optionValue;
        }
        return names;
    }

    static DeliveryGuarantee fromOptionValue(String value) {
        for (DeliveryGuarantee guarantee : values()) {
            if (guarantee.optionValue.equals(value)) {
                return guarantee;
            }
        }
        throw new IllegalArgumentException(value);
    }
}
