package io.weir.planner.codegen;

import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;

/** Maps Calcite's types to the runtime's {@link DataType}s: the one place where the two meet. */
public final class DataTypes {

    private DataTypes() {
    }

    public static DataType toDataType(RelDataType type) {
        boolean nullable = type.isNullable();
        int precision = type.getPrecision();
        int scale = type.getScale();
        TypeKind kind = switch (type.getSqlTypeName()) {
            case BOOLEAN -> TypeKind.BOOLEAN;
            case TINYINT -> TypeKind.TINYINT;
            case SMALLINT -> TypeKind.SMALLINT;
            case INTEGER -> TypeKind.INTEGER;
            case BIGINT -> TypeKind.BIGINT;
            case FLOAT, REAL -> TypeKind.FLOAT;
            case DOUBLE -> TypeKind.DOUBLE;
            case DECIMAL -> TypeKind.DECIMAL;
            case CHAR -> TypeKind.CHAR;
            case VARCHAR -> TypeKind.VARCHAR;
            case DATE -> TypeKind.DATE;
            case TIME -> TypeKind.TIME;
            case TIMESTAMP -> TypeKind.TIMESTAMP;
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE -> TypeKind.TIMESTAMP_LTZ;
            case INTERVAL_YEAR, INTERVAL_YEAR_MONTH, INTERVAL_MONTH -> TypeKind.INTERVAL_YEAR_MONTH;
            case INTERVAL_DAY, INTERVAL_DAY_HOUR, INTERVAL_DAY_MINUTE, INTERVAL_DAY_SECOND, INTERVAL_HOUR,
                    INTERVAL_HOUR_MINUTE, INTERVAL_HOUR_SECOND, INTERVAL_MINUTE, INTERVAL_MINUTE_SECOND,
                    INTERVAL_SECOND -> TypeKind.INTERVAL_DAY_TIME;
            case NULL -> TypeKind.NULL;
            case SYMBOL -> TypeKind.VARCHAR;
            default -> throw WeirException.validation("Type " + type.getFullTypeString() + " is not supported yet");
        };
        return switch (kind) {
            case DECIMAL -> new DataType(kind, precision, scale, nullable);
            case CHAR, VARCHAR, TIME, TIMESTAMP, TIMESTAMP_LTZ -> new DataType(kind, precision, -1, nullable);
            default -> new DataType(kind, -1, -1, nullable);
        };
    }

    /** The runtime types of a row type's fields, in order. */
    public static List<DataType> toDataTypes(RelDataType rowType) {
        return rowType.getFieldList().stream().map(RelDataTypeField::getType).map(DataTypes::toDataType).toList();
    }
}
