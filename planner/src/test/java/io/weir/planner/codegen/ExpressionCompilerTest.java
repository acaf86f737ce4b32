package io.weir.planner.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.TypeKind;
import io.weir.executor.data.Vector;
import io.weir.planner.validate.WeirTypeSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.junit.jupiter.api.Test;

class ExpressionCompilerTest {

    private final RelDataTypeFactory typeFactory = new JavaTypeFactoryImpl(WeirTypeSystem.INSTANCE);
    private final RexBuilder rexBuilder = new RexBuilder(typeFactory);

    private RelDataType nullable(SqlTypeName name) {
        return typeFactory.createTypeWithNullability(typeFactory.createSqlType(name), true);
    }

    @Test
    void whenFunctionIsNotSupported_thenPlanErrorAtCompileTimeNamingIt() {
        ExpressionFixture f = ExpressionFixture.columns("s VARCHAR").row("abc");
        assertThatThrownBy(() -> f.compile("OVERLAY(s PLACING 'x' FROM 2)"))
                .isInstanceOf(WeirException.class)
                .hasMessage("Function OVERLAY is not supported")
                .satisfies(e -> assertThat(((WeirException) e).kind()).isEqualTo(ErrorKind.PLAN));
    }

    @Test
    void whenCastIsNotSupported_thenPlanErrorAtCompileTime() {
        RexNode cast = rexBuilder.makeAbstractCast(nullable(SqlTypeName.DATE),
                rexBuilder.makeInputRef(nullable(SqlTypeName.TIME), 0), false);
        ExpressionCompiler compiler = new ExpressionCompiler(rexBuilder, 0);
        assertThatThrownBy(() -> compiler.compile(cast, List.of(DataType.of(TypeKind.TIME))))
                .isInstanceOf(WeirException.class)
                .hasMessageContaining("Cannot cast TIME")
                .satisfies(e -> assertThat(((WeirException) e).kind()).isEqualTo(ErrorKind.PLAN));
    }

    @Test
    void callsOverConstantsAreFoldedAtCompileTime() {
        ExpressionFixture f = ExpressionFixture.columns("a INT").row(1);
        assertThat(f.compile("1 + 2 * 3")).isInstanceOf(Constant.class);
        assertThat(f.compile("UPPER('abc') || 'd'")).isInstanceOf(Constant.class);
        assertThat(f.compile("RAND()")).isNotInstanceOf(Constant.class);
    }

    @Test
    void whenConstantCallFailsInABranchNoRowReaches_thenNoError() {
        ExpressionFixture f = ExpressionFixture.columns("a INT").row(-1).row(0);
        assertThat(f.eval("CASE WHEN a > 0 THEN 1 / 0 ELSE 7 END")).containsExactly(7L, 7L);
        assertThatThrownBy(() -> ExpressionFixture.columns("a INT").row(5).eval("CASE WHEN a > 0 THEN 1 / 0 ELSE 7 END"))
                .hasMessage("Division by zero");
    }

    @Test
    void isNotDistinctFromCallFromOtherRulesIsEvaluatedDirectly() {
        RelDataType bigint = nullable(SqlTypeName.BIGINT);
        RexNode call = rexBuilder.makeCall(SqlStdOperatorTable.IS_NOT_DISTINCT_FROM,
                rexBuilder.makeInputRef(bigint, 0), rexBuilder.makeInputRef(bigint, 1));
        List<DataType> types = List.of(DataType.BIGINT, DataType.BIGINT);
        ScalarEvaluator e = new ExpressionCompiler(rexBuilder, 0).compile(call, types);
        Chunk chunk = ExpressionFixture.chunk(types, List.of(
                new Object[] {1L, 1L}, new Object[] {1L, null}, new Object[] {null, null}));
        Vector out = e.evaluate(chunk);
        assertThat(List.of(out.getObject(0), out.getObject(1), out.getObject(2))).containsExactly(true, false, true);
    }

    @Test
    void oneEvaluatorServesChunksOfAnySizeAndNeverWritesItsInput() {
        ExpressionFixture fixture = ExpressionFixture.columns("a BIGINT, s VARCHAR");
        ScalarEvaluator e = fixture.compile("CASE WHEN a % 3 = 0 THEN 'fizz' WHEN a > 100 THEN s ELSE 'x' END");
        ScalarEvaluator sum = fixture.compile("a * 2 + 1");
        for (int size : new int[] {0, 1, 7, 1024, 3000}) {
            long[] values = new long[size];
            StringVector s = new StringVector(size);
            for (int i = 0; i < size; i++) {
                values[i] = i;
                s.set(i, "s" + i);
            }
            Chunk chunk = new Chunk(new Vector[] {LongVector.wrap(values.clone()), s}, size);
            StringVector out = (StringVector) e.evaluate(chunk);
            LongVector doubled = (LongVector) sum.evaluate(chunk);
            for (int i = 0; i < size; i++) {
                String expected = i % 3 == 0 ? "fizz" : i > 100 ? "s" + i : "x";
                assertThat(out.get(i)).isEqualTo(expected);
                assertThat(doubled.get(i)).isEqualTo(2L * i + 1);
                assertThat(((LongVector) chunk.column(0)).get(i)).isEqualTo(values[i]);
                assertThat(s.get(i)).isEqualTo("s" + i);
            }
        }
    }

    @Test
    void oneEvaluatorIsSafeToShareBetweenThreads() throws Exception {
        ExpressionFixture fixture = ExpressionFixture.columns("s VARCHAR");
        ScalarEvaluator like = fixture.compile("s LIKE '%a_c%' AND UPPER(s) <> 'X'");
        int size = 2000;
        StringVector s = new StringVector(size);
        for (int i = 0; i < size; i++) {
            s.set(i, i % 2 == 0 ? "xxabcxx" + i : "xxaxxc" + i);
        }
        Chunk chunk = new Chunk(new Vector[] {s}, size);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        Vector out = like.evaluate(chunk);
                        for (int i = 0; i < size; i++) {
                            if (!out.getObject(i).equals(i % 2 == 0)) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void untypedNullLiteralIsUnknownInBooleanTests() {
        RexNode nullLiteral = rexBuilder.makeNullLiteral(typeFactory.createSqlType(SqlTypeName.NULL));
        ExpressionCompiler compiler = new ExpressionCompiler(rexBuilder, 0);
        Chunk oneRow = ExpressionFixture.chunk(List.of(DataType.BIGINT), List.<Object[]>of(new Object[] {1L}));
        ScalarEvaluator isTrue = compiler.compile(rexBuilder.makeCall(SqlStdOperatorTable.IS_TRUE, nullLiteral), List.of(DataType.BIGINT));
        ScalarEvaluator isNull = compiler.compile(rexBuilder.makeCall(SqlStdOperatorTable.IS_NULL, nullLiteral), List.of(DataType.BIGINT));
        assertThat(isTrue.evaluate(oneRow).getObject(0)).isEqualTo(false);
        assertThat(isNull.evaluate(oneRow).getObject(0)).isEqualTo(true);
    }

    @Test
    void decimalsOfTheLargestScaleConvert() {
        ExpressionFixture f = ExpressionFixture.columns("d DECIMAL(19, 19)").row(new java.math.BigDecimal("-0.5"));
        assertThat(f.eval("CAST(d AS INT)")).containsExactly(0L);
        assertThat(f.eval("CAST(d AS DOUBLE)")).containsExactly(-0.5);
        assertThat(f.eval("FLOOR(d)")).containsExactly(new java.math.BigDecimal("-1"));
    }

    @Test
    void evaluatorTypeIsTheExpressionType() {
        ExpressionFixture f = ExpressionFixture.columns("a INT, d DECIMAL(10, 2)");
        assertThat(f.type("a + d")).isEqualTo(DataType.decimal(13, 2));
        assertThat(f.type("a > 1")).isEqualTo(DataType.BOOLEAN);
        assertThat(f.type("CAST(a AS VARCHAR)").kind()).isEqualTo(TypeKind.VARCHAR);
    }
}
