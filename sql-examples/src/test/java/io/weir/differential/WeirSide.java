package io.weir.differential;

import com.fasterxml.jackson.databind.JsonNode;
import io.weir.server.WeirClient;
import java.util.ArrayList;
import java.util.List;

/** The side under test: a Weir server reached over HTTP, as a user reaches it. */
final class WeirSide {

    private final WeirClient client;

    WeirSide(WeirClient client) {
        this.client = client;
    }

    /** Runs a statement (DDL, INSERT) and fails unless Weir accepts it. */
    void execute(String sql) {
        WeirClient.Answer answer = client.sql(sql);
        if (answer.status() != 200) {
            throw new AssertionError("Weir refused <" + abbreviate(sql) + ">: " + answer);
        }
    }

    /**
     * The rows of a query run with the given parallelism, as canonical values (see {@link SqlValues}).
     * A refusal or a failure of the query fails the test with Weir's error message.
     */
    List<List<Object>> query(String sql, int parallelism) {
        WeirClient.Answer answer = client.sql("SET 'parallelism.default' = '" + parallelism + "';\n" + sql);
        if (answer.status() != 200 || answer.rows() == null) {
            throw new AssertionError("Weir did not answer the query: " + answer);
        }
        List<String> types = new ArrayList<>();
        answer.body().get("columns").forEach(column -> types.add(column.get("type").asText()));
        List<List<Object>> rows = new ArrayList<>();
        for (JsonNode row : answer.rows()) {
            List<Object> values = new ArrayList<>(types.size());
            for (int i = 0; i < types.size(); i++) {
                values.add(SqlValues.fromWeir(row.get(i), types.get(i)));
            }
            rows.add(values);
        }
        return rows;
    }

    private static String abbreviate(String sql) {
        return sql.length() > 300 ? sql.substring(0, 300) + "..." : sql;
    }
}
