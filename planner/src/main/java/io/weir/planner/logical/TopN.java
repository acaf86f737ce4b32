package io.weir.planner.logical;

import java.util.List;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * What a {@code ROW_NUMBER() OVER (PARTITION BY ... ORDER BY ...)} filtered to its first rows asks for: the
 * partition keys and the order (columns of the input), how many rows of each partition are kept, whether the row
 * number is an output column (after the input's columns), and whether a new row ranks before the rows it ties with
 * (deduplication keeping the last row by a time attribute, as Flink's deduplication does).
 */
public record TopN(List<Integer> partitionKeys, RelCollation order, int limit, boolean newerWinsTies,
        boolean outputRowNumber) {

    public static final String ROW_NUMBER = "row_number";

    public TopN {
        partitionKeys = List.copyOf(partitionKeys);
    }

    public TopN withoutRowNumber() {
        return new TopN(partitionKeys, order, limit, newerWinsTies, false);
    }

    /** The input's columns, then the row number when it is output. */
    public RelDataType rowType(RelDataType input, RelDataTypeFactory types) {
        if (!outputRowNumber) {
            return input;
        }
        return types.builder().addAll(input.getFieldList())
                .add(ROW_NUMBER, types.createSqlType(SqlTypeName.BIGINT)).uniquify().build();
    }

    public RelWriter explain(RelWriter writer) {
        return writer.item("partition", partitionKeys).item("order", order).item("limit", limit)
                .itemIf("newerWinsTies", true, newerWinsTies).item("rowNumber", outputRowNumber);
    }
}
