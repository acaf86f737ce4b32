package io.weir.bench.jmh;

import io.weir.executor.api.ScalarEvaluator;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.Vector;
import io.weir.planner.codegen.ExpressionCompiler;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeName;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Expression evaluation over chunks: Weir's compiled evaluators (what a projection or filter runs) over a chunk of
 * 1024 BIGINT prices. Rows per microsecond.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class ExpressionBenchmark {

    private static final int ROWS = 1024;

    private Chunk chunk;
    /** q1's conversion: {@code 0.908 * price} (a DECIMAL(19, 3) from a BIGINT). */
    private ScalarEvaluator convert;
    /** q14's band: {@code 0.908 * price > 1000000 AND 0.908 * price < 50000000}. */
    private ScalarEvaluator band;
    /** q2's filter: {@code MOD(price, 123) = 0}. */
    private ScalarEvaluator modulo;

    @Setup
    public void setUp() {
        JavaTypeFactoryImpl types = new JavaTypeFactoryImpl();
        RexBuilder rex = new RexBuilder(types);
        RelDataType bigint = types.createSqlType(SqlTypeName.BIGINT);
        RexNode price = rex.makeInputRef(bigint, 0);
        RexNode converted = rex.makeCall(SqlStdOperatorTable.MULTIPLY, rex.makeExactLiteral(new BigDecimal("0.908")),
                price);
        ExpressionCompiler compiler = new ExpressionCompiler(rex, 0);
        List<DataType> input = List.of(DataType.BIGINT);
        convert = compiler.compile(converted, input);
        band = compiler.compile(rex.makeCall(SqlStdOperatorTable.AND,
                rex.makeCall(SqlStdOperatorTable.GREATER_THAN, converted, rex.makeExactLiteral(BigDecimal.valueOf(1_000_000))),
                rex.makeCall(SqlStdOperatorTable.LESS_THAN, converted, rex.makeExactLiteral(BigDecimal.valueOf(50_000_000)))),
                input);
        modulo = compiler.compile(rex.makeCall(SqlStdOperatorTable.EQUALS,
                rex.makeCall(SqlStdOperatorTable.MOD, price, rex.makeExactLiteral(BigDecimal.valueOf(123), bigint)),
                rex.makeExactLiteral(BigDecimal.ZERO, bigint)), input);
        LongVector prices = new LongVector(ROWS);
        for (int r = 0; r < ROWS; r++) {
            prices.set(r, (r * 2_654_435_761L) % 100_000_000L);
        }
        chunk = new Chunk(new Vector[] {prices}, ROWS);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Vector currencyConversion() {
        return convert.evaluate(chunk);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Vector priceBand() {
        return band.evaluate(chunk);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public Vector moduloFilter() {
        return modulo.evaluate(chunk);
    }
}
