package io.weir.planner;

import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorRegistry;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.EmbeddedDatabase;
import io.weir.planner.catalog.TableConnectors;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.calcite.sql.SqlNode;

/** A planner over an in-memory catalog, for tests that plan SQL without a server. */
public final class PlannerFixture implements AutoCloseable {

    private final EmbeddedDatabase database = EmbeddedDatabase.inMemory("planner-" + UUID.randomUUID());
    private final QueryPlanner planner;

    public PlannerFixture() {
        Catalog catalog = new Catalog(database);
        ConnectorEnvironment environment = new ConnectorEnvironment(Path.of("target"), List.of(Path.of("target")),
                Clock.systemUTC(), database.connections());
        planner = new QueryPlanner(catalog, new TableConnectors(ConnectorRegistry.builtIn(), environment),
                Clock.systemUTC());
    }

    public QueryPlanner planner() {
        return planner;
    }

    /** Plans every statement of {@code sql}; the result of the last one. */
    public StatementResult plan(String sql, Map<String, String> properties) {
        StatementResult last = null;
        for (SqlNode statement : planner.parse(sql)) {
            last = planner.plan(statement, properties);
        }
        return last;
    }

    public StatementResult plan(String sql) {
        return plan(sql, Map.of());
    }

    @Override
    public void close() {
        database.close();
    }
}
