package io.weir.executor.connector.print;

import io.weir.executor.api.Operator;
import io.weir.executor.api.OperatorContext;
import io.weir.executor.api.Output;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import java.util.List;

/**
 * One subtask of {@code INSERT INTO} a print table: writes each row, of any row kind, as a line
 * {@code <prefix>+I[v1, v2, ...]} the moment it arrives, like Flink's print connector. The prefix is
 * {@code <print-identifier>> } at parallelism 1 and {@code <print-identifier>:<subtask + 1>> } above (just
 * {@code <subtask + 1>> } without an identifier). Values are written as {@code CAST(v AS STRING)} gives them,
 * NULL as {@code NULL}. Emits nothing.
 */
final class PrintSinkOperator implements Operator {

    private final List<DataType> columnTypes;
    private final String identifier;
    private final PrintTarget target;

    private final StringBuilder line = new StringBuilder(128);
    private String prefix;

    PrintSinkOperator(List<DataType> columnTypes, String identifier, PrintTarget target) {
        this.columnTypes = columnTypes;
        this.identifier = identifier;
        this.target = target;
    }

    @Override
    public void open(OperatorContext context) {
        String subtask = context.parallelism() > 1 ? Integer.toString(context.subtaskIndex() + 1) : "";
        String name = identifier.isEmpty() || subtask.isEmpty() ? identifier + subtask : identifier + ":" + subtask;
        prefix = name.isEmpty() ? "" : name + "> ";
    }

    @Override
    public void processChunk(int input, Chunk chunk, Output out) {
        if (!target.isEnabled()) {
            return;
        }
        for (int row = 0; row < chunk.size(); row++) {
            line.setLength(0);
            line.append(prefix).append(chunk.rowKind(row).shortString()).append('[');
            for (int c = 0; c < columnTypes.size(); c++) {
                if (c > 0) {
                    line.append(", ");
                }
                String value = Values.format(columnTypes.get(c), chunk.column(c), row);
                line.append(value == null ? "NULL" : value);
            }
            target.println(line.append(']').toString());
        }
    }
}
