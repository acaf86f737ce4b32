package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The statements endpoint end to end: answers for each kind of statement, and the shape of each answer. */
class StatementsApiTest {

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void whenSelectingAConstant_thenBatchAnswerWithColumnsAndRows() {
        JsonNode answer = client.ok("SELECT 1 + 1 AS two");

        assertThat(answer.get("mode").asText()).isEqualTo("batch");
        assertThat(answer.get("queryId").asText()).isNotBlank();
        assertThat(answer.get("columns").get(0).get("name").asText()).isEqualTo("two");
        assertThat(answer.get("rows").toString()).isEqualTo("[[2]]");
    }

    @Test
    void whenBodyIsJson_thenStatementAndPropertiesAreUsed() {
        WeirClient.Answer answer = client.post("/v1/statements", "application/json",
                "{\"statement\": \"SELECT COUNT(*) AS n FROM orders\", \"properties\": {\"parallelism.default\": \"2\"}}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.rows().toString()).isEqualTo("[[10]]");
    }

    @Test
    void whenFreshDataDir_thenDemoTableIsSeeded() {
        JsonNode answer = client.ok("SELECT order_id, customer, price, order_time FROM orders WHERE order_id = 1");

        assertThat(answer.get("rows").toString()).isEqualTo("[[1,\"alice\",2.50,\"2024-01-01 09:15:00.000\"]]");
    }

    @Test
    void whenSeveralStatements_thenSetAppliesToLaterOnesAndLastAnswerIsOnTop() {
        JsonNode answer = client.ok("SET 'parallelism.default' = '3';\nSELECT customer, COUNT(*) AS n FROM orders "
                + "GROUP BY customer ORDER BY customer LIMIT 2");

        assertThat(answer.get("statements")).hasSize(2);
        assertThat(answer.get("rows").toString()).isEqualTo("[[\"alice\",3],[\"bob\",2]]");
        String queryId = answer.get("queryId").asText();
        assertThat(client.get("/v1/queries/" + queryId).body().get("parallelism").asInt()).isEqualTo(3);
    }

    @Test
    void whenCreatingShowingDescribingAndDropping_thenCatalogAnswersAtOnce() {
        client.ok("CREATE TABLE api_t (id INT NOT NULL, name STRING, amount DECIMAL(8, 2), upper_name AS UPPER(name))");

        assertThat(client.ok("SHOW TABLES").get("rows").toString()).contains("\"api_t\"");
        JsonNode describe = client.ok("DESCRIBE api_t").get("rows");
        assertThat(describe.get(0).toString()).startsWith("[\"id\",\"INT\",false");
        assertThat(describe.get(3).get(4).asText()).isEqualTo("AS UPPER(`name`)");

        client.ok("INSERT INTO api_t (id, name, amount) VALUES (1, 'x', 1.5), (2, NULL, NULL)");
        assertThat(client.ok("SELECT id, upper_name, amount FROM api_t ORDER BY id").get("rows").toString())
                .isEqualTo("[[1,\"X\",1.50],[2,null,null]]");

        assertThat(client.ok("DROP TABLE api_t").get("message").asText()).contains("dropped");
        assertThat(client.sql("SELECT * FROM api_t").status()).isEqualTo(400);
    }

    @Test
    void whenExplaining_thenPlansAndJobGraphAreText() {
        JsonNode answer = client.ok("EXPLAIN SELECT customer, SUM(quantity) FROM orders GROUP BY customer");

        assertThat(answer.get("logicalPlan").asText()).contains("LogicalAggregate");
        assertThat(answer.get("physicalPlan").asText()).contains("HashAggregatePhysicalRel");
        assertThat(answer.get("jobGraph").asText()).contains("Scan(orders)").contains("HashAggregate");
    }

    @Test
    void whenQueryRan_thenItIsListedAndDescribed() {
        String queryId = client.ok("SELECT 42 AS answer").get("queryId").asText();

        JsonNode query = client.get("/v1/queries/" + queryId).body();
        assertThat(query.get("state").asText()).isEqualTo("FINISHED");
        assertThat(query.get("statement").asText()).isEqualTo("SELECT 42 AS answer");
        assertThat(query.get("mode").asText()).isEqualTo("batch");
        assertThat(query.has("metrics")).isTrue();
        assertThat(client.get("/v1/queries").body().get("queries").toString()).contains(queryId);
    }

    @Test
    void whenAQueryEndsWithOrderByAndLimit_thenItIsListedWithItsWholeText() {
        String sql = "SELECT customer, COUNT(*) AS n FROM orders\nGROUP BY customer ORDER BY customer LIMIT 2";
        String queryId = client.ok("SET 'parallelism.default' = '1';\n" + sql).get("queryId").asText();

        assertThat(client.get("/v1/queries/" + queryId).body().get("statement").asText()).isEqualTo(sql);
    }
}
