package io.weir.planner.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Persists catalog objects in the embedded database, one row per name, the definition as JSON.
 * Writes are single statements in auto-commit mode, so the catalog on disk is always whole.
 */
final class CatalogStore {

    private static final String TABLE = "WEIR_CATALOG";

    private final EmbeddedDatabase database;
    /** Unknown fields are skipped so a newer Weir's catalog entries still load in this one. */
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    CatalogStore(EmbeddedDatabase database) {
        this.database = database;
        execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (NAME_KEY VARCHAR(1024) PRIMARY KEY, "
                + "KIND VARCHAR(16) NOT NULL, DEFINITION CLOB NOT NULL, "
                + "CREATED_AT TIMESTAMP DEFAULT CURRENT_TIMESTAMP)");
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    List<CatalogObject> loadAll() {
        List<CatalogObject> objects = new ArrayList<>();
        try (Connection c = database.open(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT KIND, DEFINITION FROM " + TABLE + " ORDER BY CREATED_AT")) {
            while (rs.next()) {
                String kind = rs.getString(1);
                String definition = rs.getString(2);
                objects.add(switch (kind) {
                    case "TABLE" -> new CatalogObject.Table(json.readValue(definition, TableDefinition.class));
                    case "VIEW" -> new CatalogObject.View(json.readValue(definition, ViewDefinition.class));
                    default -> throw new IllegalStateException("Unknown catalog kind " + kind);
                });
            }
            return objects;
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot read the catalog: " + e.getMessage(), e);
        }
    }

    void put(CatalogObject object) {
        String kind = object instanceof CatalogObject.Table ? "TABLE" : "VIEW";
        Object definition = object instanceof CatalogObject.Table t ? t.definition()
                : ((CatalogObject.View) object).definition();
        try (Connection c = database.open();
                PreparedStatement ps = c.prepareStatement("MERGE INTO " + TABLE
                        + " (NAME_KEY, KIND, DEFINITION) KEY (NAME_KEY) VALUES (?, ?, ?)")) {
            ps.setString(1, key(object.name()));
            ps.setString(2, kind);
            ps.setString(3, json.writeValueAsString(definition));
            ps.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot write the catalog: " + e.getMessage(), e);
        }
    }

    void remove(String name) {
        try (Connection c = database.open();
                PreparedStatement ps = c.prepareStatement("DELETE FROM " + TABLE + " WHERE NAME_KEY = ?")) {
            ps.setString(1, key(name));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot write the catalog: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new WeirException(ErrorKind.INTERNAL, "Cannot prepare the catalog: " + e.getMessage(), e);
        }
    }
}
