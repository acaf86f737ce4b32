package io.weir.executor.connector.kafka;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;

/**
 * The first failure of a sink's asynchronous sends: recorded by the producer's I/O thread ({@link #callback}),
 * thrown on the task thread at the sink's next step ({@link #throwIfAny}), so a failed send fails the query.
 */
final class SendFailures {

    private final KafkaTableConfig table;
    private volatile Exception first;
    private final Callback callback = this::onSent;

    SendFailures(KafkaTableConfig table) {
        this.table = table;
    }

    Callback callback() {
        return callback;
    }

    private void onSent(RecordMetadata metadata, Exception failure) {
        if (failure != null && first == null) {
            first = failure;
        }
    }

    void throwIfAny() {
        Exception failure = first;
        if (failure != null) {
            throw failure instanceof KafkaException kafka
                    ? KafkaClients.failure(table, "Cannot write to Kafka", kafka)
                    : new WeirException(ErrorKind.EXECUTION, "Cannot write to Kafka topic '"
                            + table.topic() + "': " + failure, failure);
        }
    }
}
