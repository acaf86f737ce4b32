package io.weir.planner.catalog;

import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.planner.validate.TimeIndicatorType;
import java.util.List;
import org.apache.calcite.avatica.util.TimeUnit;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlIntervalQualifier;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/** Runtime {@link DataType}s back to Calcite types, for catalog tables (the inverse of {@code DataTypes}). */
public final class RelTypes {

    private RelTypes() {
    }

    public static RelDataType toRelDataType(RelDataTypeFactory factory, DataType type) {
        RelDataType base = switch (type.kind()) {
            case BOOLEAN -> factory.createSqlType(SqlTypeName.BOOLEAN);
            case TINYINT -> factory.createSqlType(SqlTypeName.TINYINT);
            case SMALLINT -> factory.createSqlType(SqlTypeName.SMALLINT);
            case INTEGER -> factory.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> factory.createSqlType(SqlTypeName.BIGINT);
            case FLOAT -> factory.createSqlType(SqlTypeName.FLOAT);
            case DOUBLE -> factory.createSqlType(SqlTypeName.DOUBLE);
            case DECIMAL -> factory.createSqlType(SqlTypeName.DECIMAL, type.precision(), Math.max(type.scale(), 0));
            case CHAR -> factory.createSqlType(SqlTypeName.CHAR, type.precision());
            case VARCHAR -> factory.createSqlType(SqlTypeName.VARCHAR,
                    type.precision() < 0 ? DataType.MAX_LENGTH : type.precision());
            case DATE -> factory.createSqlType(SqlTypeName.DATE);
            case TIME -> factory.createSqlType(SqlTypeName.TIME, Math.max(type.precision(), 0));
            case TIMESTAMP -> factory.createSqlType(SqlTypeName.TIMESTAMP, type.precision() < 0 ? 3 : type.precision());
            case TIMESTAMP_LTZ -> factory.createSqlType(SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE,
                    type.precision() < 0 ? 3 : type.precision());
            case INTERVAL_YEAR_MONTH -> factory.createSqlIntervalType(
                    new SqlIntervalQualifier(TimeUnit.YEAR, TimeUnit.MONTH, SqlParserPos.ZERO));
            case INTERVAL_DAY_TIME -> factory.createSqlIntervalType(
                    new SqlIntervalQualifier(TimeUnit.DAY, TimeUnit.SECOND, SqlParserPos.ZERO));
            case NULL -> factory.createSqlType(SqlTypeName.NULL);
        };
        return factory.createTypeWithNullability(base, type.nullable());
    }

    static RelDataType rowType(RelDataTypeFactory factory, List<ColumnDefinition> columns) {
        RelDataTypeFactory.Builder builder = factory.builder();
        for (ColumnDefinition column : columns) {
            builder.add(column.name(), columnType(factory, column));
        }
        return builder.build();
    }

    private static RelDataType columnType(RelDataTypeFactory factory, ColumnDefinition column) {
        if (column.timeAttribute() == ColumnDefinition.TimeAttribute.ROWTIME) {
            return TimeIndicatorType.rowtime(factory, column.type().kind() == TypeKind.TIMESTAMP_LTZ
                    ? SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE : SqlTypeName.TIMESTAMP, column.type().nullable());
        }
        if (column.timeAttribute() == ColumnDefinition.TimeAttribute.PROCTIME) {
            return TimeIndicatorType.proctime(factory);
        }
        return toRelDataType(factory, column.type());
    }
}
