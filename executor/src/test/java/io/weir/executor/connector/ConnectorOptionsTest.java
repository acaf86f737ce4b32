package io.weir.executor.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectorOptionsTest {

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector("demo")
            .required("path", "format")
            .optional("limit", "verbose", "delimiter", "max-past")
            .fieldOptions("kind", "min");

    private static final List<String> COLUMNS = List.of("id", "name");

    private static OptionReader validate(Map<String, String> options) {
        return OPTIONS.validate(options, COLUMNS);
    }

    @Test
    void whenOptionIsUnknown_thenErrorNamesItAndListsTheSupportedOnes() {
        assertThatThrownBy(() -> validate(Map.of("connector", "demo", "path", "/x", "format", "csv", "pathh", "y")))
                .isInstanceOf(WeirException.class)
                .hasMessage("Unsupported option 'pathh' for connector 'demo'. Supported options: path, format, "
                        + "delimiter, limit, max-past, verbose, fields.#.kind, fields.#.min")
                .extracting(e -> ((WeirException) e).kind()).isEqualTo(ErrorKind.VALIDATION);
    }

    @Test
    void whenRequiredOptionIsMissing_thenErrorNamesIt() {
        assertThatThrownBy(() -> validate(Map.of("format", "csv")))
                .hasMessage("Missing required option 'path' for connector 'demo'");
    }

    @Test
    void whenFieldOptionNamesUnknownColumn_thenErrorNamesColumnAndListsColumns() {
        assertThatThrownBy(() -> validate(Map.of("path", "/x", "format", "csv", "fields.nmae.kind", "random")))
                .hasMessage("Option 'fields.nmae.kind' refers to unknown column 'nmae'. Columns: id, name");
    }

    @Test
    void whenFieldOptionHasUnknownSuffix_thenItIsAnUnsupportedOption() {
        assertThatThrownBy(() -> validate(Map.of("path", "/x", "format", "csv", "fields.id.kindd", "random")))
                .hasMessageStartingWith("Unsupported option 'fields.id.kindd' for connector 'demo'");
    }

    @Test
    void whenColumnNameContainsDots_thenFieldOptionsStillMatchIt() {
        OptionReader reader = OPTIONS.validate(Map.of("path", "/x", "format", "csv", "fields.a.b.min", "1"),
                List.of("a.b"));
        assertThat(reader.getLong("fields.a.b.min", 0)).isEqualTo(1);
    }

    @Test
    void whenNumberIsMalformed_thenErrorNamesOptionAndValue() {
        OptionReader reader = validate(Map.of("path", "/x", "format", "csv", "fields.id.min", "x"));
        assertThatThrownBy(() -> reader.getNumber("fields.id.min"))
                .hasMessage("Option 'fields.id.min' must be a number, got 'x'");
        OptionReader fraction = validate(Map.of("path", "/x", "format", "csv", "limit", "1.5"));
        assertThatThrownBy(() -> fraction.getLong("limit", 0))
                .hasMessage("Option 'limit' must be a whole number, got '1.5'");
    }

    @Test
    void whenValuesAreWellFormed_thenTheyConvert() {
        OptionReader reader = validate(Map.of("path", "/x", "format", "CSV", "limit", " 42 ", "verbose", "TRUE",
                "delimiter", "\\t", "max-past", "10 s"));
        assertThat(reader.choice("format", null, "csv", "json")).isEqualTo("csv");
        assertThat(reader.getLong("limit", 0)).isEqualTo(42);
        assertThat(reader.getBoolean("verbose", false)).isTrue();
        assertThat(reader.getChar("delimiter", ',')).isEqualTo('\t');
        assertThat(reader.getDurationMillis("max-past", 0)).isEqualTo(10_000);
        assertThat(reader.getLong("missing", 7)).isEqualTo(7);
    }

    @Test
    void whenValuesAreMalformed_thenErrorsNameOptionAndValue() {
        OptionReader reader = validate(Map.of("path", "/x", "format", "xml", "verbose", "yes", "delimiter", ";;",
                "max-past", "ten seconds"));
        assertThatThrownBy(() -> reader.choice("format", null, "csv", "json"))
                .hasMessage("Option 'format' must be one of csv, json; got 'xml'");
        assertThatThrownBy(() -> reader.getBoolean("verbose", false))
                .hasMessage("Option 'verbose' must be 'true' or 'false', got 'yes'");
        assertThatThrownBy(() -> reader.getChar("delimiter", ','))
                .hasMessage("Option 'delimiter' must be a single character, got ';;'");
        assertThatThrownBy(() -> reader.getDurationMillis("max-past", 0))
                .hasMessageStartingWith("Option 'max-past' must be a duration");
    }
}
