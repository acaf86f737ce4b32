package io.weir.executor.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorRegistryTest {

    private static final ConnectorEnvironment ENV =
            new ConnectorEnvironment(Path.of("data"), List.of(), new MutableClock(0), null);

    private static TableSpec spec(Map<String, String> options) {
        return new TableSpec("t", List.of("id"), List.of(DataType.BIGINT), options, ENV);
    }

    @Test
    void whenConnectorOptionIsMissing_thenValidationErrorListsConnectors() {
        assertThatThrownBy(() -> ConnectorRegistry.builtIn().create(spec(Map.of("number-of-rows", "1"))))
                .isInstanceOf(WeirException.class)
                .hasMessageStartingWith("Missing required option 'connector' for table 't'. Available connectors: ")
                .hasMessageContainingAll("blackhole", "datagen", "filesystem", "kafka", "nexmark", "print")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void whenConnectorIsUnknown_thenValidationErrorListsConnectors() {
        assertThatThrownBy(() -> ConnectorRegistry.builtIn().create(spec(Map.of("connector", "kafkaa"))))
                .hasMessageStartingWith("Unknown connector 'kafkaa'. Available connectors: blackhole, datagen, ");
    }

    @Test
    void whenConnectorIsKnown_thenItsFactoryMakesTheTable() {
        ConnectorTable table = ConnectorRegistry.builtIn()
                .create(spec(Map.of("connector", "datagen", "number-of-rows", "5")));
        assertThat(table.isBounded()).isTrue();
        assertThat(table.tableName()).isEqualTo("t");
    }

    @Test
    void whenBuiltInConnectorsAreListed_thenTheStreamingOnesAreThere() {
        assertThat(ConnectorRegistry.builtIn().identifiers())
                .contains("blackhole", "datagen", "filesystem", "nexmark", "print");
    }

    @Test
    void whenTableHasNoSink_thenWritingIsAValidationErrorNamingTheTable() {
        ConnectorTable table = ConnectorRegistry.builtIn().create(spec(Map.of("connector", "datagen")));
        assertThatThrownBy(table::createSink).hasMessage("Table 't' cannot be written to");
    }

    @Test
    void whenAFactoryIsAdded_thenItIsAvailable() {
        ConnectorFactory fake = new ConnectorFactory() {
            @Override
            public String identifier() {
                return "fake";
            }

            @Override
            public ConnectorTable create(TableSpec spec) {
                throw WeirException.validation("fake called");
            }
        };
        ConnectorRegistry registry = ConnectorRegistry.builtIn().with(fake);
        assertThat(List.copyOf(registry.identifiers())).contains("datagen", "fake", "filesystem").isSorted();
        assertThatThrownBy(() -> registry.create(spec(Map.of("connector", "fake")))).hasMessage("fake called");
    }
}
