package io.weir.differential;

import static org.assertj.core.api.Assertions.fail;

import io.weir.server.TestServers;
import io.weir.server.WeirClient;
import io.weir.server.WeirServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The differential suite: the same generated tables ({@link GeneratedTables}) are loaded into a fresh Weir server
 * (over HTTP, with {@code CREATE TABLE} and {@code INSERT INTO ... VALUES}) and into a plain in-memory H2
 * database, the views of {@code sql-examples/differential/views.sql} are created in both, and every query under
 * {@code sql-examples/differential/queries/} must give the same rows in both: the same multiset, or the same
 * sequence when the query has an outer {@code ORDER BY}. Each query runs in Weir with parallelism 1 and 3.
 */
class DifferentialTest {

    private static final Path SUITE = Path.of("sql-examples", "differential");
    private static final List<Integer> PARALLELISMS = List.of(1, 3);

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirSide weir;
    private static H2Reference h2;
    /** H2's answer per query, computed once for all parallelisms. */
    private static final Map<DifferentialQuery, List<List<Object>>> EXPECTED = new HashMap<>();

    @BeforeAll
    static void loadBothDatabases() throws Exception {
        server = TestServers.start(dataDir);
        weir = new WeirSide(new WeirClient(server.port()));
        h2 = new H2Reference();
        for (TableData table : GeneratedTables.all()) {
            inBoth(table.createTable());
            for (String insert : table.inserts()) {
                inBoth(insert);
            }
            h2.indexEveryColumn(table);
        }
        for (DifferentialQuery view : DifferentialQuery.parse("views",
                Files.readAllLines(SUITE.resolve("views.sql")))) {
            inBoth(view.sql());
        }
    }

    @AfterAll
    static void close() throws SQLException {
        if (h2 != null) {
            h2.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** {@code -Ddifferential.areas=07_joins,08_subqueries} runs only those files (while working on a fix). */
    static Stream<Arguments> queries() {
        String areas = System.getProperty("differential.areas", "");
        List<DifferentialQuery> queries = DifferentialQuery.load(SUITE.resolve("queries")).stream()
                .filter(q -> areas.isBlank() || List.of(areas.split(",")).contains(q.area())).toList();
        return PARALLELISMS.stream().flatMap(p -> queries.stream().map(q -> Arguments.of(p, q)));
    }

    @ParameterizedTest(name = "p{0} {1}")
    @MethodSource("queries")
    void weirGivesTheRowsH2Gives(int parallelism, DifferentialQuery query) throws SQLException {
        List<List<Object>> expected = EXPECTED.get(query);
        if (expected == null) {
            expected = h2.query(query.reference());
            EXPECTED.put(query, expected);
        }
        List<List<Object>> actual = weir.query(query.sql(), parallelism);
        RowComparison.mismatch(expected, actual, query.ordered())
                .ifPresent(difference -> fail(query + "\n" + difference));
    }

    private static void inBoth(String sql) throws SQLException {
        h2.execute(sql);
        weir.execute(sql);
    }
}
