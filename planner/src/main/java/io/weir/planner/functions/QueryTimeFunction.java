package io.weir.planner.functions;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.fun.SqlAbstractTimeFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code CURRENT_TIMESTAMP} and {@code LOCALTIMESTAMP} as Flink types them: millisecond precision by default
 * (Calcite's default is seconds), CURRENT_TIMESTAMP as a TIMESTAMP_LTZ. The value is the query's start,
 * constant for the whole query.
 */
final class QueryTimeFunction extends SqlAbstractTimeFunction {

    private static final int DEFAULT_PRECISION = 3;

    private final SqlTypeName typeName;

    QueryTimeFunction(String name, SqlTypeName typeName) {
        super(name, typeName);
        this.typeName = typeName;
    }

    @Override
    public RelDataType inferReturnType(SqlOperatorBinding binding) {
        if (binding.getOperandCount() == 0) {
            return binding.getTypeFactory().createSqlType(typeName, DEFAULT_PRECISION);
        }
        return super.inferReturnType(binding);
    }
}
