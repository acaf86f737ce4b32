package io.weir.executor.connector.kafka;

import io.weir.executor.api.SourceFactory;
import io.weir.executor.api.SourceReader;

/**
 * The scan of a kafka table: one {@link KafkaSourceReader} per subtask, subtask {@code s} of {@code n} reading
 * the partitions {@code p} with {@code p % n == s}. Partitions are discovered when the readers open.
 */
final class KafkaSource implements SourceFactory {

    private final KafkaTableConfig table;

    KafkaSource(KafkaTableConfig table) {
        this.table = table;
    }

    @Override
    public SourceReader createReader(int subtaskIndex, int parallelism) {
        return new KafkaSourceReader(table, subtaskIndex, parallelism);
    }

    KafkaTableConfig config() {
        return table;
    }

    @Override
    public boolean isBounded() {
        return table.bounded();
    }
}
