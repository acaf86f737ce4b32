package io.weir.executor.connector.datagen;

import io.weir.executor.api.WeirException;
import io.weir.executor.connector.ConnectorFactory;
import io.weir.executor.connector.ConnectorOptions;
import io.weir.executor.connector.ConnectorOptions.OptionReader;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code 'connector' = 'datagen'}, with Flink's options: {@code rows-per-second} (shared among subtasks; default
 * 10000 for an unbounded table, as in Flink, but no limit for a bounded one, which a batch query wants fast), {@code number-of-rows} (bounded when set) and per column {@code fields.<f>.kind}
 * ({@code random} or {@code sequence}), {@code .min}, {@code .max}, {@code .max-past}, {@code .length},
 * {@code .start}, {@code .end}, {@code .null-rate}. A table with a sequence column is bounded too: it ends when
 * the shortest sequence (or the row count, if smaller) is exhausted.
 */
public final class DataGenConnectorFactory implements ConnectorFactory {

    public static final String IDENTIFIER = "datagen";

    private static final String ROWS_PER_SECOND = "rows-per-second";
    private static final String NUMBER_OF_ROWS = "number-of-rows";
    private static final long DEFAULT_ROWS_PER_SECOND = 10_000;

    private static final ConnectorOptions OPTIONS = ConnectorOptions.forConnector(IDENTIFIER)
            .optional(ROWS_PER_SECOND, NUMBER_OF_ROWS)
            .fieldOptions(FieldSpec.KIND, FieldSpec.MIN, FieldSpec.MAX, FieldSpec.MAX_PAST, FieldSpec.LENGTH,
                    FieldSpec.START, FieldSpec.END, FieldSpec.NULL_RATE);

    @Override
    public String identifier() {
        return IDENTIFIER;
    }

    @Override
    public ConnectorTable create(TableSpec spec) {
        OptionReader options = OPTIONS.validate(spec.options(), spec.columnNames());
        long rowsPerSecond = options.getLong(ROWS_PER_SECOND, DEFAULT_ROWS_PER_SECOND);
        if (rowsPerSecond <= 0) {
            throw WeirException.validation("Option '" + ROWS_PER_SECOND + "' must be positive, got '"
                    + options.get(ROWS_PER_SECOND) + "'");
        }
        long totalRows = DataGenSource.UNBOUNDED;
        if (options.has(NUMBER_OF_ROWS)) {
            totalRows = options.getLong(NUMBER_OF_ROWS, 0);
            if (totalRows < 0) {
                throw WeirException.validation("Option '" + NUMBER_OF_ROWS + "' must not be negative, got '"
                        + options.get(NUMBER_OF_ROWS) + "'");
            }
        }
        List<FieldSpec> fields = new ArrayList<>();
        for (int c = 0; c < spec.columnNames().size(); c++) {
            FieldSpec field = FieldSpec.parse(options, spec.columnNames().get(c), spec.columnTypes().get(c));
            if (field.sequence()) {
                long length = field.sequenceLength();
                totalRows = totalRows == DataGenSource.UNBOUNDED ? length : Math.min(totalRows, length);
            }
            fields.add(field);
        }
        double rate = !options.has(ROWS_PER_SECOND) && totalRows != DataGenSource.UNBOUNDED
                ? Double.POSITIVE_INFINITY : rowsPerSecond;
        return new DataGenTable(spec.tableName(), fields, totalRows, rate);
    }
}
