package io.weir.planner.jobgraph;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.api.WatermarkStrategy;
import io.weir.executor.graph.JobVertex;
import io.weir.planner.PlannerFixture;
import io.weir.planner.StatementResult;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which WATERMARK clauses a source may answer from the rowtime column alone. */
class WatermarkStrategiesTest {

    private final PlannerFixture fixture = new PlannerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    /** The strategy of the scan of a table (k INT, ts TIMESTAMP(3)) with {@code WATERMARK FOR ts AS <expression>}. */
    private WatermarkStrategy strategyOf(String expression) {
        fixture.plan("CREATE TABLE ev (k INT, ts TIMESTAMP(3), WATERMARK FOR ts AS " + expression
                + ") WITH ('connector' = 'datagen')");
        StatementResult.Job job = (StatementResult.Job) fixture.plan("SELECT k FROM ev",
                Map.of("execution.runtime-mode", "streaming"));
        return job.jobGraph().apply(chunk -> { }).vertices().stream().map(JobVertex::watermarkStrategy)
                .filter(Objects::nonNull).findFirst().orElseThrow();
    }

    @Test
    void whenTheWatermarkIsTheRowtimeLessAnInterval_thenTheSourceReadsItFromTheColumn() {
        WatermarkStrategy strategy = strategyOf("ts - INTERVAL '4' SECOND");

        assertThat(strategy.delayedColumn()).isEqualTo(1);
        assertThat(strategy.delayMillis()).isEqualTo(4_000);
    }

    @Test
    void whenTheWatermarkIsTheRowtimeItself_thenItIsTheColumnWithoutDelay() {
        WatermarkStrategy strategy = strategyOf("ts");

        assertThat(strategy.delayedColumn()).isEqualTo(1);
        assertThat(strategy.delayMillis()).isZero();
    }

    @Test
    void whenTheWatermarkIsAnyOtherExpression_thenTheSourceEvaluatesIt() {
        assertThat(strategyOf("ts + INTERVAL '1' SECOND").delayedColumn()).isEqualTo(-1);
        fixture.plan("DROP TABLE ev");
        assertThat(strategyOf("ts - INTERVAL '1' MONTH").delayedColumn()).isEqualTo(-1);
    }
}
