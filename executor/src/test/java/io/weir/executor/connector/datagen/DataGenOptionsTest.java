package io.weir.executor.connector.datagen;

import static io.weir.executor.connector.datagen.DataGenFixture.table;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataGenOptionsTest {

    private static final List<String> NAMES = List.of("id", "name", "ts", "ok");
    private static final List<DataType> TYPES = List.of(DataType.INTEGER, DataType.varchar(10), DataType.TIMESTAMP,
            DataType.BOOLEAN);

    @Test
    void whenOptionIsUnknown_thenErrorListsDatagenOptions() {
        assertThatThrownBy(() -> table(NAMES, TYPES, "rows-per-sec", "5"))
                .isInstanceOf(WeirException.class)
                .hasMessage("Unsupported option 'rows-per-sec' for connector 'datagen'. Supported options: "
                        + "number-of-rows, rows-per-second, fields.#.end, fields.#.kind, fields.#.length, fields.#.max, "
                        + "fields.#.max-past, fields.#.min, fields.#.null-rate, fields.#.start")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void whenFieldOptionNamesUnknownColumn_thenErrorNamesIt() {
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.idd.min", "1"))
                .hasMessage("Option 'fields.idd.min' refers to unknown column 'idd'. Columns: id, name, ts, ok");
    }

    @Test
    void whenNumberIsBad_thenErrorNamesOptionAndValue() {
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.min", "x"))
                .hasMessage("Option 'fields.id.min' must be a number, got 'x'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "number-of-rows", "many"))
                .hasMessage("Option 'number-of-rows' must be a number, got 'many'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "rows-per-second", "0"))
                .hasMessage("Option 'rows-per-second' must be positive, got '0'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.null-rate", "1.5"))
                .hasMessage("Option 'fields.id.null-rate' must be between 0 and 1, got '1.5'");
    }

    @Test
    void whenBoundsDoNotFitTheColumn_thenErrorSaysSo() {
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.max", "3000000000"))
                .hasMessage("Option 'fields.id.max' (3000000000) is out of range for column 'id' of type INT");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.min", "1.5"))
                .hasMessage("Option 'fields.id.min' must be a whole number for column 'id' of type INT, got '1.5'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.min", "10", "fields.id.max", "1"))
                .hasMessage("Option 'fields.id.min' must not be greater than 'fields.id.max'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.name.length", "11"))
                .hasMessageStartingWith("Option 'fields.name.length' (11) must be between 0 and the length of column 'name'");
    }

    @Test
    void whenOptionDoesNotApplyToKindOrType_thenErrorSaysSo() {
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.start", "1"))
                .hasMessage("Option 'fields.id.start' does not apply to kind 'random' (column 'id')");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.name.min", "1"))
                .hasMessage("Option 'fields.name.min' does not apply to a column of type VARCHAR(10) (column 'name')");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.max-past", "1 s"))
                .hasMessage("Option 'fields.id.max-past' does not apply to a column of type INT (column 'id')");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.ok.kind", "sequence", "fields.ok.start", "1",
                "fields.ok.end", "2"))
                .hasMessage("Kind 'sequence' is not supported for column 'ok' of type BOOLEAN; use 'random'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.kind", "serial"))
                .hasMessage("Option 'fields.id.kind' must be one of random, sequence; got 'serial'");
    }

    @Test
    void whenSequenceLacksABound_thenErrorNamesTheMissingOption() {
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.kind", "sequence", "fields.id.start", "1"))
                .hasMessage("Missing required option 'fields.id.end' for kind 'sequence' of column 'id'");
        assertThatThrownBy(() -> table(NAMES, TYPES, "fields.id.kind", "sequence", "fields.id.start", "5",
                "fields.id.end", "1"))
                .hasMessage("Option 'fields.id.end' (1) must not be less than 'fields.id.start' (5)");
    }

    @Test
    void whenNeitherRowCountNorSequenceIsSet_thenTableIsUnbounded() {
        assertThat(table(NAMES, TYPES).isBounded()).isFalse();
        assertThat(table(NAMES, TYPES).createSource().isBounded()).isFalse();
        assertThat(table(NAMES, TYPES, "number-of-rows", "10").isBounded()).isTrue();
        assertThat(table(NAMES, TYPES, "fields.id.kind", "sequence", "fields.id.start", "1", "fields.id.end", "3")
                .isBounded()).isTrue();
    }
}
