package io.weir.planner.catalog;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.impl.ViewTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Builds the Calcite schema a statement is planned against, from a snapshot of the catalog.
 *
 * <p>A table without computed columns is a {@link PhysicalTable}. A table with computed columns is exposed as
 * a view over its physical columns stored under {@link #physicalName}, so the computed expressions are planned
 * like any projection. Views are Calcite {@link ViewTable}s whose query is expanded on use. The type names
 * {@code STRING} and {@code BYTES} of Flink's dialect are registered as schema types.
 */
public final class CatalogSchema {

    /** Prefix of the hidden name of a table's physical part; {@code $} cannot start an unquoted identifier. */
    private static final String PHYSICAL_PREFIX = "$physical$";

    private CatalogSchema() {
    }

    public static String physicalName(String tableName) {
        return PHYSICAL_PREFIX + tableName;
    }

    public static CalciteSchema build(Catalog catalog) {
        CalciteSchema root = CalciteSchema.createRootSchema(false, false);
        root.add("STRING", (RelProtoDataType) f -> varchar(f));
        root.add("BYTES", (RelProtoDataType) f -> f.createSqlType(SqlTypeName.VARBINARY, Integer.MAX_VALUE));
        for (CatalogObject object : catalog.snapshot()) {
            if (object instanceof CatalogObject.Table t) {
                addTable(root, t.definition());
            } else {
                addView(root, ((CatalogObject.View) object).definition());
            }
        }
        return root;
    }

    private static org.apache.calcite.rel.type.RelDataType varchar(RelDataTypeFactory f) {
        return f.createSqlType(SqlTypeName.VARCHAR, Integer.MAX_VALUE);
    }

    private static void addTable(CalciteSchema root, TableDefinition table) {
        if (!table.hasComputedColumns()) {
            root.add(table.name(), new PhysicalTable(table));
            return;
        }
        String physical = physicalName(table.name());
        root.add(physical, new PhysicalTable(table));
        List<String> selectList = new ArrayList<>();
        for (ColumnDefinition column : table.columns()) {
            selectList.add(column.isComputed()
                    ? "(" + column.expression() + ") AS " + quote(column.name())
                    : quote(column.name()));
        }
        String sql = "SELECT " + String.join(", ", selectList) + " FROM " + quote(physical);
        root.add(table.name(), new ViewTable(Object.class, f -> RelTypes.rowType(f, table.columns()), sql,
                List.of(), List.of(table.name())));
    }

    private static void addView(CalciteSchema root, ViewDefinition view) {
        root.add(view.name(), new ViewTable(Object.class, f -> RelTypes.rowType(f, view.columns()), view.query(),
                List.of(), List.of(view.name())));
    }

    /** Quotes an identifier for Weir's dialect (back-ticks, doubled inside). */
    public static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
