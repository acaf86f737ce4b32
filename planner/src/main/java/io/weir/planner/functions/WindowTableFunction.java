package io.weir.planner.functions;

import io.weir.executor.api.ErrorKind;
import io.weir.planner.validate.SqlErrors;
import io.weir.planner.validate.TimeIndicatorType;
import java.util.Collections;
import java.util.List;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperandCountRange;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlOperatorBinding;
import org.apache.calcite.sql.SqlWindowTableFunction;
import org.apache.calcite.sql.TableCharacteristic;
import org.apache.calcite.sql.type.SqlOperandCountRanges;
import org.apache.calcite.sql.type.SqlOperandMetadata;
import org.apache.calcite.sql.type.SqlReturnTypeInference;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;

/**
 * Flink's window table functions: {@code TUMBLE(TABLE t, DESCRIPTOR(ts), size [, offset])},
 * {@code HOP(TABLE t, DESCRIPTOR(ts), slide, size [, offset])}, {@code CUMULATE(TABLE t, DESCRIPTOR(ts), step,
 * size [, offset])} and {@code SESSION(TABLE t PARTITION BY k, DESCRIPTOR(ts), gap)}.
 *
 * <p>They differ from Calcite's in three ways Flink users rely on: the time column must be a time attribute,
 * the output has {@code window_time} (= {@code window_end} - 1 ms, itself a time attribute, so windows can be
 * cascaded), and CUMULATE exists. SESSION takes its table argument with set semantics so that
 * {@code PARTITION BY} is allowed.
 */
public final class WindowTableFunction extends SqlWindowTableFunction {

    /** Which window a call computes. */
    public enum Kind { TUMBLE, HOP, CUMULATE, SESSION }

    private final Kind kind;

    WindowTableFunction(Kind kind, List<String> params, int mandatory) {
        super(kind.name(), new Operands(params, mandatory, kind));
        this.kind = kind;
    }

    public Kind windowKind() {
        return kind;
    }

    @Override
    public SqlReturnTypeInference getRowTypeInference() {
        return WindowTableFunction::inferRowType;
    }

    @Override
    public TableCharacteristic tableCharacteristic(int ordinal) {
        if (ordinal != 0) {
            return null;
        }
        return TableCharacteristic.builder(kind == Kind.SESSION ? TableCharacteristic.Semantics.SET
                : TableCharacteristic.Semantics.ROW).passColumnsThrough().build();
    }

    private static RelDataType inferRowType(SqlOperatorBinding binding) {
        RelDataType input = binding.getOperandType(0);
        RelDataTypeFactory factory = binding.getTypeFactory();
        RelDataType timeType = timeColumn((SqlCallBinding) binding).getType();
        RelDataType bound = factory.createSqlType(SqlTypeName.TIMESTAMP, 3);
        RelDataType windowTime = TimeIndicatorType.isProctime(timeType) ? TimeIndicatorType.proctime(factory)
                : TimeIndicatorType.rowtime(factory, SqlTypeName.TIMESTAMP, false);
        return factory.builder()
                .kind(input.getStructKind())
                .addAll(input.getFieldList())
                .add("window_start", bound)
                .add("window_end", bound)
                .add("window_time", windowTime)
                .build();
    }

    /** The field the DESCRIPTOR names, checked to be a time attribute. */
    static RelDataTypeField timeColumn(SqlCallBinding binding) {
        SqlCall descriptor = (SqlCall) binding.operand(1);
        SqlIdentifier column = (SqlIdentifier) descriptor.operand(0);
        RelDataType input = binding.getValidator().getValidatedNodeType(binding.operand(0));
        RelDataTypeField field = input.getField(column.getSimple(), false, false);
        if (field == null) {
            throw SqlErrors.at(ErrorKind.VALIDATION, "Column '" + column.getSimple()
                    + "' of the window's DESCRIPTOR is not a column of its table", column.getParserPosition());
        }
        if (!TimeIndicatorType.isTimeAttribute(field.getType())) {
            throw SqlErrors.at(ErrorKind.VALIDATION, "The window's time column '" + field.getName()
                    + "' is not a time attribute: declare it with WATERMARK FOR " + field.getName()
                    + " AS ... in the table, or use a PROCTIME() column", column.getParserPosition());
        }
        return field;
    }

    /** Operand checks shared by the four functions: table, descriptor of a time attribute, intervals. */
    private static final class Operands implements SqlOperandMetadata {
        private final List<String> params;
        private final int mandatory;
        private final Kind kind;

        Operands(List<String> params, int mandatory, Kind kind) {
            this.params = params;
            this.mandatory = mandatory;
            this.kind = kind;
        }

        @Override
        public boolean checkOperandTypes(SqlCallBinding binding, boolean throwOnFailure) {
            SqlValidator validator = binding.getValidator();
            if (validator.getValidatedNodeType(binding.operand(0)).getSqlTypeName() != SqlTypeName.ROW
                    || binding.operand(1).getKind() != SqlKind.DESCRIPTOR) {
                return fail(binding, throwOnFailure);
            }
            timeColumn(binding);
            for (int i = 2; i < binding.getOperandCount(); i++) {
                SqlNode operand = binding.operand(i);
                if (kind == Kind.SESSION && i == 2 && operand.getKind() == SqlKind.DESCRIPTOR) {
                    continue;
                }
                if (!SqlTypeUtil.isInterval(validator.getValidatedNodeType(operand))) {
                    return fail(binding, throwOnFailure);
                }
            }
            return true;
        }

        private static boolean fail(SqlCallBinding binding, boolean throwOnFailure) {
            if (throwOnFailure) {
                throw binding.newValidationSignatureError();
            }
            return false;
        }

        @Override
        public SqlOperandCountRange getOperandCountRange() {
            return SqlOperandCountRanges.between(mandatory, params.size());
        }

        @Override
        public String getAllowedSignatures(SqlOperator op, String opName) {
            return switch (kind) {
                case TUMBLE -> "TUMBLE(TABLE t, DESCRIPTOR(time_attr), size_interval [, offset_interval])";
                case HOP -> "HOP(TABLE t, DESCRIPTOR(time_attr), slide_interval, size_interval [, offset_interval])";
                case CUMULATE -> "CUMULATE(TABLE t, DESCRIPTOR(time_attr), step_interval, size_interval "
                        + "[, offset_interval])";
                case SESSION -> "SESSION(TABLE t [PARTITION BY key, ...], DESCRIPTOR(time_attr), gap_interval)";
            };
        }

        @Override
        public List<RelDataType> paramTypes(RelDataTypeFactory typeFactory) {
            return Collections.nCopies(params.size(), typeFactory.createSqlType(SqlTypeName.ANY));
        }

        @Override
        public List<String> paramNames() {
            return params;
        }

        @Override
        public boolean isOptional(int i) {
            return i >= mandatory;
        }
    }
}
