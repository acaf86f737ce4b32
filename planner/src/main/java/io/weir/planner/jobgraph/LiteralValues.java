package io.weir.planner.jobgraph;

import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.executor.data.Vector;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rex.RexLiteral;

/** Builds the chunk of a {@code VALUES} list from Calcite's literals (in Calcite's internal representation). */
final class LiteralValues {

    private LiteralValues() {
    }

    static Chunk toChunk(List<? extends List<RexLiteral>> tuples, List<DataType> types) {
        Vector[] columns = new Vector[types.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = Vector.allocate(types.get(c), tuples.size());
        }
        for (int r = 0; r < tuples.size(); r++) {
            List<RexLiteral> tuple = tuples.get(r);
            for (int c = 0; c < columns.length; c++) {
                Values.setExternal(types.get(c), columns[c], r, toExternal(tuple.get(c)));
            }
        }
        return new Chunk(columns, tuples.size());
    }

    /** The literal's value as {@link Values#setExternal} accepts it (temporal values as their internal numbers). */
    static Object toExternal(RexLiteral literal) {
        if (literal.isNull()) {
            return null;
        }
        return switch (literal.getType().getSqlTypeName()) {
            case BOOLEAN -> literal.getValueAs(Boolean.class);
            case TINYINT, SMALLINT, INTEGER, BIGINT -> literal.getValueAs(Long.class);
            case DECIMAL -> literal.getValueAs(BigDecimal.class);
            case FLOAT, REAL, DOUBLE -> literal.getValueAs(Double.class);
            case CHAR, VARCHAR -> literal.getValueAs(String.class);
            case DATE, TIME -> literal.getValueAs(Integer.class);
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> literal.getValueAs(Long.class);
            default -> literal.getValueAs(Long.class);
        };
    }
}
