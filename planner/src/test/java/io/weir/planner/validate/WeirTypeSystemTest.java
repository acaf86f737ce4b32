package io.weir.planner.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeFactoryImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class WeirTypeSystemTest {

    private final RelDataTypeFactory types = new SqlTypeFactoryImpl(WeirTypeSystem.INSTANCE);

    private String avgOf(RelDataType argument) {
        return WeirTypeSystem.INSTANCE.deriveAvgAggType(types, argument).getFullTypeString();
    }

    @Test
    void averageOfADecimalKeepsSixFractionDigitsAsInFlink() {
        assertThat(avgOf(types.createSqlType(SqlTypeName.DECIMAL, 6, 2))).isEqualTo("DECIMAL(19, 6) NOT NULL");
        assertThat(avgOf(types.createSqlType(SqlTypeName.DECIMAL, 12, 8))).isEqualTo("DECIMAL(19, 8) NOT NULL");
    }

    @Test
    void averageOfAWideDecimalGetsTheFractionDigitsThatFit() {
        assertThat(avgOf(types.createSqlType(SqlTypeName.DECIMAL, 18, 2))).isEqualTo("DECIMAL(19, 3) NOT NULL");
        assertThat(avgOf(types.createSqlType(SqlTypeName.DECIMAL, 19, 0))).isEqualTo("DECIMAL(19, 0) NOT NULL");
    }

    @Test
    void averageOfOtherTypesKeepsTheArgumentType() {
        RelDataType nullableInt = types.createTypeWithNullability(types.createSqlType(SqlTypeName.INTEGER), true);
        assertThat(avgOf(nullableInt)).isEqualTo("INTEGER");
        assertThat(avgOf(types.createSqlType(SqlTypeName.DOUBLE))).isEqualTo("DOUBLE NOT NULL");
    }
}
