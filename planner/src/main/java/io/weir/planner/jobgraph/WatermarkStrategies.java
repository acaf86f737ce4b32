package io.weir.planner.jobgraph;

import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.data.DataType;
import io.weir.executor.data.PhysicalType;
import io.weir.planner.codegen.ExpressionCompiler;
import java.math.BigDecimal;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * A source's {@link WatermarkStrategy} from its table's {@code WATERMARK FOR} expression. The usual bounded
 * out-of-orderness, {@code ts - INTERVAL 'n' SECOND} (or {@code ts} itself), is marked as such so that the source finds
 * each chunk's largest candidate from the column alone, without evaluating the expression into a vector per chunk.
 */
final class WatermarkStrategies {

    private WatermarkStrategies() {
    }

    static WatermarkStrategy of(ExpressionCompiler compiler, RexNode watermark, List<DataType> types,
            long emitIntervalMillis, long idleTimeoutMillis) {
        WatermarkStrategy strategy = new WatermarkStrategy(compiler.compile(watermark, types), emitIntervalMillis,
                idleTimeoutMillis);
        if (watermark instanceof RexInputRef column && isLong(types, column)) {
            return strategy.delaying(column.getIndex(), 0);
        }
        if (watermark.getKind() == SqlKind.MINUS && watermark instanceof RexCall call
                && call.getOperands().get(0) instanceof RexInputRef column && isLong(types, column)
                && call.getOperands().get(1) instanceof RexLiteral delay
                && delay.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME) {
            BigDecimal millis = delay.getValueAs(BigDecimal.class);
            if (millis != null && millis.signum() >= 0) {
                return strategy.delaying(column.getIndex(), millis.longValueExact());
            }
        }
        return strategy;
    }

    private static boolean isLong(List<DataType> types, RexInputRef column) {
        return types.get(column.getIndex()).physical() == PhysicalType.LONG;
    }
}
