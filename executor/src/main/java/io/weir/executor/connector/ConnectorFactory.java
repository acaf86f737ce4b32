package io.weir.executor.connector;

/** Makes tables of one connector ({@code 'connector' = identifier()}). Implementations are stateless. */
public interface ConnectorFactory {

    /** The value of the {@code connector} option that selects this factory, e.g. {@code filesystem}. */
    String identifier();

    /**
     * Validates the options of {@code spec} and returns the table.
     *
     * @throws io.weir.executor.api.WeirException of kind VALIDATION, with a message that names the bad option
     */
    ConnectorTable create(TableSpec spec);
}
