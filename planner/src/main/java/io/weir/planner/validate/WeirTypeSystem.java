package io.weir.planner.validate;

import io.weir.executor.data.DataType;
import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Weir's type rules where they differ from Calcite's defaults.
 *
 * <p>DECIMAL is capped at {@link DataType#MAX_DECIMAL_PRECISION} digits because the runtime keeps decimals
 * as scaled longs. SUM over small integers widens to BIGINT (and over DECIMAL to the widest DECIMAL of the
 * same scale) so that summing many rows does not overflow the argument type; TIMESTAMP defaults to
 * millisecond precision as in Flink.
 */
public final class WeirTypeSystem extends RelDataTypeSystemImpl {

    public static final WeirTypeSystem INSTANCE = new WeirTypeSystem();

    private WeirTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case DECIMAL -> DataType.MAX_DECIMAL_PRECISION;
            case VARCHAR, VARBINARY, CHAR, BINARY -> Integer.MAX_VALUE;
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE, TIME, TIME_WITH_LOCAL_TIME_ZONE -> 3;
            default -> super.getMaxPrecision(typeName);
        };
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        return switch (typeName) {
            case TIMESTAMP, TIMESTAMP_WITH_LOCAL_TIME_ZONE -> 3;
            case VARCHAR, VARBINARY -> Integer.MAX_VALUE;
            default -> super.getDefaultPrecision(typeName);
        };
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType widened = switch (argumentType.getSqlTypeName()) {
            case TINYINT, SMALLINT, INTEGER -> typeFactory.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> typeFactory.createSqlType(SqlTypeName.DECIMAL, DataType.MAX_DECIMAL_PRECISION,
                    argumentType.getScale());
            default -> argumentType;
        };
        return typeFactory.createTypeWithNullability(widened, argumentType.isNullable());
    }

    /**
     * AVG (and STDDEV, VARIANCE) of a DECIMAL keeps at least 6 fraction digits, as Flink's DECIMAL(38, max(6, s));
     * Calcite's default, the argument's own type, rounded AVG(DECIMAL(6, 2)) of 142.065 to 142.07. Our
     * precision stops at {@link DataType#MAX_DECIMAL_PRECISION}, so a wide argument gets fewer extra digits
     * (never fewer than its own scale) rather than overflowing.
     */
    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
            return argumentType;
        }
        int precision = DataType.MAX_DECIMAL_PRECISION;
        int integerDigits = argumentType.getPrecision() - argumentType.getScale();
        int scale = Math.max(argumentType.getScale(), Math.min(6, precision - integerDigits));
        return typeFactory.createTypeWithNullability(
                typeFactory.createSqlType(SqlTypeName.DECIMAL, precision, scale), argumentType.isNullable());
    }

    /**
     * Casts to DECIMAL that Calcite folds at plan time (of literals) must round as the runtime casts do, half
     * up as in Flink; Calcite's default truncates, so {@code CAST('12.345' AS DECIMAL(6, 2))} gave 12.34.
     */
    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
