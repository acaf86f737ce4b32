package io.weir.planner.functions;

import io.weir.planner.validate.TimeIndicatorType;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlFunctionCategory;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.OperandTypes;

/** {@code PROCTIME()}: a processing-time attribute (TIMESTAMP_LTZ(3)), as in Flink's computed columns. */
public final class ProctimeFunction extends SqlFunction {

    public static final ProctimeFunction INSTANCE = new ProctimeFunction();

    private ProctimeFunction() {
        super("PROCTIME", SqlKind.OTHER_FUNCTION, binding -> TimeIndicatorType.proctime(binding.getTypeFactory()),
                null, OperandTypes.NILADIC, SqlFunctionCategory.TIMEDATE);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }

    @Override
    public boolean isDynamicFunction() {
        return true;
    }
}
