package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input answers 4xx with a message that names the problem, and the server keeps answering. */
class BadInputTest {

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

    @AfterEach
    void serverStillAnswers() {
        assertThat(client.ok("SELECT 1 AS x").get("rows").toString()).isEqualTo("[[1]]");
    }

    private static JsonNode error(WeirClient.Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        return answer.body().get("error");
    }

    @Test
    void whenSqlDoesNotParse_thenParseErrorWithLineAndColumn() {
        JsonNode error = error(client.sql("SELECT id,\n  FROM orders"), 400);

        assertThat(error.get("kind").asText()).isEqualTo("ParseError");
        assertThat(error.get("line").asInt()).isEqualTo(2);
        assertThat(error.get("column").asInt()).isEqualTo(3);
        assertThat(error.get("message").asText()).contains("FROM");
    }

    @Test
    void whenTableIsUnknown_thenValidationErrorNamesItWithPosition() {
        JsonNode error = error(client.sql("SELECT * FROM no_such_table"), 400);

        assertThat(error.get("kind").asText()).isEqualTo("ValidationError");
        assertThat(error.get("message").asText()).contains("no_such_table");
        assertThat(error.get("line").asInt()).isEqualTo(1);
        assertThat(error.get("column").asInt()).isEqualTo(15);
    }

    @Test
    void whenColumnIsUnknown_thenValidationErrorNamesIt() {
        JsonNode error = error(client.sql("SELECT nope FROM orders"), 400);

        assertThat(error.get("message").asText()).contains("nope");
        assertThat(error.get("column").asInt()).isEqualTo(8);
    }

    @Test
    void whenTypesDoNotMatch_thenValidationError() {
        JsonNode error = error(client.sql("SELECT quantity + TRUE FROM orders"), 400);

        assertThat(error.get("kind").asText()).isEqualTo("ValidationError");
        assertThat(error.get("message").asText()).containsIgnoringCase("apply");
    }

    @Test
    void whenConnectorOptionIsUnknown_thenErrorNamesTheOption() {
        JsonNode error = error(client.sql("CREATE TABLE bad_opt (a INT) WITH ('connector' = 'datagen', "
                + "'number-of-rows' = '3', 'rows-per-secnd' = '5')"), 400);

        assertThat(error.get("message").asText()).contains("rows-per-secnd");
        assertThat(client.ok("SHOW TABLES").get("rows").toString()).doesNotContain("bad_opt");
    }

    @Test
    void whenConnectorIsUnknown_thenErrorNamesIt() {
        JsonNode error = error(client.sql("CREATE TABLE bad_conn (a INT) WITH ('connector' = 'nosuch')"), 400);

        assertThat(error.get("message").asText()).contains("nosuch");
    }

    @Test
    void whenPathIsOutsideAllowedRoots_thenRefused() {
        JsonNode error = error(client.sql("CREATE TABLE passwd (line STRING) WITH ('connector' = 'filesystem', "
                + "'path' = '/etc/passwd', 'format' = 'csv')"), 400);

        assertThat(error.get("message").asText()).contains("/etc/passwd").contains("allowed roots");
    }

    @Test
    void whenBodyIsTenMegabytes_thenPayloadTooLarge() {
        String huge = "SELECT '" + "x".repeat(10 * 1024 * 1024) + "'";

        JsonNode error = error(client.sql(huge), 413);

        assertThat(error.get("kind").asText()).isEqualTo("ResourceExhausted");
    }

    @Test
    void whenJsonIsMalformed_thenBadRequest() {
        JsonNode error = error(client.post("/v1/statements", "application/json", "{\"statement\": "), 400);

        assertThat(error.get("message").asText()).contains("Malformed JSON");
    }

    @Test
    void whenQueryIdIsUnknown_thenNotFound() {
        JsonNode error = error(client.get("/v1/queries/does-not-exist"), 404);

        assertThat(error.get("message").asText()).contains("does-not-exist");
    }

    @Test
    void whenDataFailsAtRunTime_thenExecutionErrorAndQueryRecordedAsFailed() {
        JsonNode error = error(client.sql("SELECT quantity / (quantity - quantity) FROM orders"), 400);

        assertThat(error.get("kind").asText()).isEqualTo("ExecutionError");
        assertThat(error.get("message").asText()).containsIgnoringCase("division by zero");
        assertThat(client.get("/v1/queries").body().get("queries").get(0).get("state").asText()).isEqualTo("FAILED");
    }

    @Test
    void whenSetValueIsBad_thenErrorNamesTheKey() {
        JsonNode error = error(client.sql("SET 'parallelism.default' = 'many'"), 400);

        assertThat(error.get("message").asText()).contains("parallelism.default");
    }

    @Test
    void whenUnboundedInputsAreOuterJoined_thenPlanErrorSaysWhatRuns() {
        client.ok("CREATE TABLE IF NOT EXISTS endless (a INT) WITH ('connector' = 'datagen')");

        JsonNode error = error(client.sql("SELECT * FROM endless x LEFT JOIN endless y ON x.a = y.a"), 400);

        assertThat(error.get("kind").asText()).isEqualTo("PlanError");
        assertThat(error.get("message").asText()).contains("LEFT OUTER joins").contains("only inner joins");
    }

    @Test
    void whenWindowTimeColumnIsNotATimeAttribute_thenValidationErrorAtTheColumn() {
        client.ok("CREATE TABLE IF NOT EXISTS plain_ts (ts TIMESTAMP(3)) WITH ('connector' = 'datagen', "
                + "'number-of-rows' = '5')");

        JsonNode error = error(client.sql("SELECT * FROM TABLE(\n  TUMBLE(TABLE plain_ts, DESCRIPTOR(ts), "
                + "INTERVAL '1' SECOND))"), 400);

        assertThat(error.get("kind").asText()).isEqualTo("ValidationError");
        assertThat(error.get("message").asText()).contains("ts").contains("time attribute");
        assertThat(error.get("line").asInt()).isEqualTo(2);
    }

    @Test
    void whenWindowSizeIsZero_thenErrorNamesTheSize() {
        client.ok("CREATE TABLE IF NOT EXISTS timed (ts TIMESTAMP(3), WATERMARK FOR ts AS ts) WITH ("
                + "'connector' = 'datagen', 'number-of-rows' = '5')");

        JsonNode error = error(client.sql("SELECT * FROM TABLE(TUMBLE(TABLE timed, DESCRIPTOR(ts), "
                + "INTERVAL '0' SECOND))"), 400);

        assertThat(error.get("message").asText()).contains("size").contains("positive");
    }

    @Test
    void whenWatermarkNamesAMissingColumn_thenValidationError() {
        JsonNode error = error(client.sql("CREATE TABLE wm_missing (a INT, WATERMARK FOR nope AS nope) WITH ("
                + "'connector' = 'datagen')"), 400);

        assertThat(error.get("message").asText()).contains("nope");
    }
}
