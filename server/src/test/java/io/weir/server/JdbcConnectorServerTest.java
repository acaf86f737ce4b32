package io.weir.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jdbc connector through SQL against the machine's PostgreSQL: a batch INSERT upserts by the declared primary
 * key and a SELECT reads the table back; a URL outside {@code jdbc.allowed-urls} is a 400 naming the option.
 */
class JdbcConnectorServerTest {

    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/test";

    @TempDir
    static Path dataDir;
    private static WeirServer server;
    private static WeirClient client;

    @BeforeAll
    static void start() throws Exception {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS server_accounts");
            statement.execute("CREATE TABLE server_accounts (id BIGINT PRIMARY KEY, owner VARCHAR(50), balance NUMERIC(10, 2))");
            statement.execute("INSERT INTO server_accounts VALUES (1, 'old', 0)");
        }
        server = TestServers.start(dataDir);
        client = new WeirClient(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void whenRowsAreInsertedIntoAKeyedJdbcTable_thenTheyAreUpsertedAndReadBack() {
        client.ok("CREATE TABLE accounts (id BIGINT, owner STRING, balance DECIMAL(10, 2), PRIMARY KEY (id) NOT ENFORCED)"
                + " WITH ('connector' = 'jdbc', 'url' = '" + URL + "', 'table-name' = 'server_accounts',"
                + " 'username' = 'postgres')");

        client.ok("INSERT INTO accounts VALUES (1, 'ann', 10.50), (2, 'bob', 3.25)");

        assertThat(client.ok("SELECT id, owner, balance FROM accounts ORDER BY id").get("rows").toString())
                .isEqualTo("[[1,\"ann\",10.50],[2,\"bob\",3.25]]");
    }

    @Test
    void whenUrlIsNotAllowed_thenCreateTableIsRejectedNamingTheOption() {
        var response = client.sql("CREATE TABLE remote (id BIGINT) WITH ('connector' = 'jdbc',"
                + " 'url' = 'jdbc:postgresql://db.example.com/prod', 'table-name' = 't')");
        // Options are checked when the table is first used, at the latest.
        if (response.status() == 200) {
            response = client.sql("SELECT * FROM remote");
        }
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body().toString()).contains("Option 'url'").contains("jdbc.allowed-urls");
    }
}
