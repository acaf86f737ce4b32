package io.weir.executor.connector.kafka;

import static io.weir.executor.connector.kafka.KafkaTables.open;
import static io.weir.executor.connector.kafka.KafkaTables.table;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.Operator;
import io.weir.executor.api.WeirException;
import io.weir.executor.testing.FakeOperatorContext;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * With no broker listening, opening a reader or a sink fails with an error naming the bootstrap servers once the
 * client timeout passes (shortened here; 10 s by default), instead of hanging. The timeout only guards the test.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class KafkaUnreachableBrokerTest {

    private static String servers;

    @BeforeAll
    static void findAPortNobodyListensOn() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            servers = "127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void whenNoBrokerAnswers_thenOpeningTheReaderFailsNamingTheBootstrapServers() {
        assertThatThrownBy(() -> open(table("events", servers, "properties.default.api.timeout.ms", "1000"),
                new FakeOperatorContext(0, 1, 1024)).close())
                .isInstanceOf(WeirException.class)
                .hasMessageStartingWith("Cannot start reading from Kafka (topic 'events', bootstrap servers '" + servers
                        + "'): Kafka did not answer in time")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.EXECUTION);
    }

    @Test
    void whenNoBrokerAnswers_thenOpeningTheSinkFailsNamingTheBootstrapServers() throws Exception {
        Operator sink = table("events", servers, "properties.max.block.ms", "1000").createSink().create();
        try {
            assertThatThrownBy(() -> sink.open(new FakeOperatorContext(0, 1, 1024)))
                    .isInstanceOf(WeirException.class)
                    .hasMessageStartingWith("Cannot start writing to Kafka (topic 'events', bootstrap servers '"
                            + servers + "'): Kafka did not answer in time");
        } finally {
            sink.close();
        }
    }

    @Test
    void whenTheBootstrapHostDoesNotResolve_thenOpeningFailsNamingIt() {
        assertThatThrownBy(() -> open(table("events", "no-such-host.invalid:9092"), new FakeOperatorContext(0, 1, 1024))
                .close())
                .isInstanceOf(WeirException.class)
                .hasMessage("Cannot create a Kafka consumer (topic 'events', bootstrap servers "
                        + "'no-such-host.invalid:9092'): Failed to construct kafka consumer: No resolvable bootstrap "
                        + "urls given in bootstrap.servers");
    }
}
