package io.weir.planner.validate;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystem;
import org.apache.calcite.sql.type.BasicSqlType;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * A time attribute: a TIMESTAMP(3) (or TIMESTAMP_LTZ(3)) column that carries event time (the column of
 * {@code WATERMARK FOR}, a window's {@code window_time}) or processing time ({@code PROCTIME()}).
 *
 * <p>Calcite has no time attributes, so they live in the type, as in Flink: the type survives projections
 * (a column reference keeps its type) and is lost by any computation on the column (which derives a plain
 * TIMESTAMP), which is exactly when the column stops being a time attribute. The digest differs from the plain
 * type's ({@code *ROWTIME*}), so Calcite never confuses the two.
 */
public final class TimeIndicatorType extends BasicSqlType {

    private final boolean eventTime;

    private TimeIndicatorType(RelDataTypeSystem typeSystem, SqlTypeName typeName, boolean eventTime,
            boolean nullable) {
        super(typeSystem, typeName, nullable, 3);
        this.eventTime = eventTime;
        // The super constructor computed the digest before eventTime was set.
        computeDigest();
    }

    /** An event-time attribute of the given TIMESTAMP or TIMESTAMP_LTZ type. */
    public static RelDataType rowtime(RelDataTypeFactory factory, SqlTypeName typeName, boolean nullable) {
        return factory.createTypeWithNullability(
                new TimeIndicatorType(factory.getTypeSystem(), typeName, true, nullable), nullable);
    }

    /** A processing-time attribute ({@code PROCTIME()}: TIMESTAMP_LTZ(3), never null). */
    public static RelDataType proctime(RelDataTypeFactory factory) {
        return factory.createTypeWithNullability(new TimeIndicatorType(factory.getTypeSystem(),
                SqlTypeName.TIMESTAMP_WITH_LOCAL_TIME_ZONE, false, false), false);
    }

    public boolean isEventTime() {
        return eventTime;
    }

    public static boolean isTimeAttribute(RelDataType type) {
        return type instanceof TimeIndicatorType;
    }

    public static boolean isRowtime(RelDataType type) {
        return type instanceof TimeIndicatorType t && t.eventTime;
    }

    public static boolean isProctime(RelDataType type) {
        return type instanceof TimeIndicatorType t && !t.eventTime;
    }

    @Override
    public BasicSqlType createWithNullability(boolean nullable) {
        return nullable == isNullable ? this : new TimeIndicatorType(typeSystem, typeName, eventTime, nullable);
    }

    @Override
    protected void generateTypeString(StringBuilder sb, boolean withDetail) {
        super.generateTypeString(sb, withDetail);
        sb.append(eventTime ? " *ROWTIME*" : " *PROCTIME*");
    }
}
