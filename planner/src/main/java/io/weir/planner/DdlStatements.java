package io.weir.planner;

import io.weir.executor.api.ErrorKind;
import io.weir.executor.api.WeirException;
import io.weir.executor.data.DataType;
import io.weir.executor.data.TypeKind;
import io.weir.parser.WeirSqlParser;
import io.weir.parser.ddl.SqlComputedColumn;
import io.weir.parser.ddl.SqlCreateTable;
import io.weir.parser.ddl.SqlCreateView;
import io.weir.parser.ddl.SqlDescribeTable;
import io.weir.parser.ddl.SqlDropTable;
import io.weir.parser.ddl.SqlDropView;
import io.weir.parser.ddl.SqlRegularColumn;
import io.weir.parser.ddl.SqlTableColumn;
import io.weir.parser.ddl.SqlWatermark;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.CatalogObject;
import io.weir.planner.catalog.ColumnDefinition;
import io.weir.planner.catalog.TableConnectors;
import io.weir.planner.catalog.TableDefinition;
import io.weir.planner.catalog.ViewDefinition;
import io.weir.planner.codegen.DataTypes;
import io.weir.planner.validate.SqlErrors;
import io.weir.planner.validate.TimeIndicatorType;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.validate.SqlValidator;

/** Carries out the catalog statements: CREATE/DROP TABLE and VIEW, SHOW, DESCRIBE. */
final class DdlStatements {

    private static final DataType NAME = DataType.STRING;

    private final Catalog catalog;
    private final TableConnectors connectors;

    DdlStatements(Catalog catalog, TableConnectors connectors) {
        this.catalog = catalog;
        this.connectors = connectors;
    }

    StatementResult createTable(SqlCreateTable create) {
        String name = simpleName(create.name());
        if (create.ifNotExists() && catalog.findTable(name).isPresent()) {
            return new StatementResult.Done("Table '" + name + "' already exists");
        }
        TableDefinition table = tableDefinition(name, create);
        if (table.isManaged()) {
            connectors.createStorage(table);
        } else {
            // Resolving checks the connector's options (and a filesystem path's root) now, not at the first query.
            connectors.resolve(table);
        }
        try {
            if (!catalog.createTable(table, create.ifNotExists())) {
                dropStorageQuietly(table);
                return new StatementResult.Done("Table '" + name + "' already exists");
            }
        } catch (RuntimeException e) {
            dropStorageQuietly(table);
            throw e;
        }
        return new StatementResult.Done("Table '" + name + "' created");
    }

    private void dropStorageQuietly(TableDefinition table) {
        if (table.isManaged()) {
            connectors.dropStorage(table);
        }
    }

    private TableDefinition tableDefinition(String name, SqlCreateTable create) {
        PlanningSession session = new PlanningSession(catalog);
        SqlValidator validator = session.newValidator();
        Map<String, RelDataType> physical = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> primaryKey = new HashSet<>();
        create.primaryKey().forEach(id -> primaryKey.add(simpleName(id).toLowerCase(Locale.ROOT)));
        List<ColumnDefinition> columns = new ArrayList<>();
        for (SqlTableColumn column : create.columns()) {
            String columnName = simpleName(column.name());
            if (!seen.add(columnName.toLowerCase(Locale.ROOT))) {
                throw SqlErrors.at(ErrorKind.VALIDATION, "Duplicate column '" + columnName + "'",
                        column.name().getParserPosition());
            }
            if (column instanceof SqlRegularColumn regular) {
                boolean notNull = regular.notNull() || primaryKey.contains(columnName.toLowerCase(Locale.ROOT));
                RelDataType type = deriveType(session, validator, regular, !notNull);
                physical.put(columnName, type);
                columns.add(new ColumnDefinition(columnName, toDataType(type, regular.name()), null));
            }
        }
        for (SqlTableColumn column : create.columns()) {
            if (column instanceof SqlComputedColumn computed) {
                String columnName = simpleName(computed.name());
                RelDataType type = expressionType(validator, computed.expression(), physical);
                columns.add(new ColumnDefinition(columnName, toDataType(type, computed.name()),
                        WeirSqlParser.unparse(computed.expression()), timeAttributeOf(type)));
            }
        }
        columns = inDeclarationOrder(create, columns);
        for (SqlIdentifier key : create.primaryKey()) {
            if (!physical.keySet().stream().anyMatch(c -> c.equalsIgnoreCase(simpleName(key)))) {
                throw SqlErrors.at(ErrorKind.VALIDATION, "Primary key column '" + simpleName(key)
                        + "' is not a physical column of the table", key.getParserPosition());
            }
        }
        String watermarkColumn = null;
        String watermarkExpression = null;
        Optional<SqlWatermark> watermark = create.watermark();
        if (watermark.isPresent()) {
            watermarkColumn = checkWatermark(validator, watermark.get(), columns, physical);
            watermarkExpression = WeirSqlParser.unparse(watermark.get().expression());
            String rowtime = watermarkColumn;
            columns = columns.stream().map(c -> c.name().equals(rowtime)
                    ? c.withTimeAttribute(ColumnDefinition.TimeAttribute.ROWTIME) : c).toList();
        }
        Map<String, String> options = create.optionMap();
        String storage = options.isEmpty() ? TableConnectors.newStorageName() : null;
        return new TableDefinition(name, columns, watermarkColumn, watermarkExpression,
                create.primaryKey().stream().map(DdlStatements::simpleName).toList(), options, storage,
                create.comment().orElse(null), WeirSqlParser.unparse(create));
    }

    /** Computed columns are typed after the physical ones they read; the table keeps the declared order. */
    private static List<ColumnDefinition> inDeclarationOrder(SqlCreateTable create, List<ColumnDefinition> columns) {
        List<ColumnDefinition> ordered = new ArrayList<>();
        for (SqlTableColumn column : create.columns()) {
            String name = simpleName(column.name());
            columns.stream().filter(c -> c.name().equals(name)).findFirst().ifPresent(ordered::add);
        }
        return ordered;
    }

    private static RelDataType deriveType(PlanningSession session, SqlValidator validator, SqlRegularColumn column,
            boolean nullable) {
        try {
            RelDataType type = column.type().deriveType(validator, nullable);
            return session.typeFactory().createTypeWithNullability(type, nullable);
        } catch (CalciteException e) {
            throw SqlErrors.validation(e);
        }
    }

    private static RelDataType expressionType(SqlValidator validator, SqlNode expression,
            Map<String, RelDataType> columns) {
        try {
            SqlNode validated = validator.validateParameterizedExpression(expression, columns);
            return validator.getValidatedNodeType(validated);
        } catch (CalciteException e) {
            throw SqlErrors.validation(e);
        }
    }

    private static String checkWatermark(SqlValidator validator, SqlWatermark watermark,
            List<ColumnDefinition> columns, Map<String, RelDataType> physical) {
        String name = simpleName(watermark.column());
        ColumnDefinition column = columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> SqlErrors.at(ErrorKind.VALIDATION, "Watermark column '" + name
                        + "' is not a column of the table", watermark.column().getParserPosition()));
        if (column.type().kind() != TypeKind.TIMESTAMP && column.type().kind() != TypeKind.TIMESTAMP_LTZ) {
            throw SqlErrors.at(ErrorKind.VALIDATION, "Watermark column '" + name
                    + "' must be TIMESTAMP(3) or TIMESTAMP_LTZ(3), not " + column.type().withNullable(true),
                    watermark.column().getParserPosition());
        }
        Map<String, RelDataType> scope = new LinkedHashMap<>(physical);
        RelDataType type = expressionType(validator, watermark.expression(), scope);
        DataType result = DataTypes.toDataType(type);
        if (result.kind() != TypeKind.TIMESTAMP && result.kind() != TypeKind.TIMESTAMP_LTZ) {
            throw SqlErrors.at(ErrorKind.VALIDATION, "The watermark expression must return a timestamp, not "
                    + result.withNullable(true), watermark.expression().getParserPosition());
        }
        return column.name();
    }

    private static ColumnDefinition.TimeAttribute timeAttributeOf(RelDataType type) {
        if (TimeIndicatorType.isRowtime(type)) {
            return ColumnDefinition.TimeAttribute.ROWTIME;
        }
        return TimeIndicatorType.isProctime(type) ? ColumnDefinition.TimeAttribute.PROCTIME : null;
    }

    private static DataType toDataType(RelDataType type, SqlIdentifier where) {
        try {
            return DataTypes.toDataType(type);
        } catch (WeirException e) {
            throw SqlErrors.at(ErrorKind.VALIDATION, e.getMessage(), where.getParserPosition());
        }
    }

    StatementResult createView(SqlCreateView create) {
        String name = simpleName(create.name());
        PlanningSession session = new PlanningSession(catalog);
        SqlValidator validator = session.newValidator();
        SqlNode validated = session.validate(validator, create.query());
        RelDataType rowType = validator.getValidatedNodeType(validated);
        List<RelDataTypeField> fields = rowType.getFieldList();
        List<SqlIdentifier> aliases = create.columnList();
        if (!aliases.isEmpty() && aliases.size() != fields.size()) {
            throw SqlErrors.at(ErrorKind.VALIDATION, "The view lists " + aliases.size()
                    + " column names but its query returns " + fields.size() + " columns", create.name().getParserPosition());
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String columnName = aliases.isEmpty() ? fields.get(i).getName() : simpleName(aliases.get(i));
            RelDataType type = fields.get(i).getType();
            columns.add(new ColumnDefinition(columnName, DataTypes.toDataType(type), null, timeAttributeOf(type)));
        }
        ViewDefinition view = new ViewDefinition(name, WeirSqlParser.unparse(create.query()), columns,
                WeirSqlParser.unparse(create));
        boolean created = catalog.createView(view, create.orReplace(), create.ifNotExists());
        return new StatementResult.Done(created ? "View '" + name + "' created" : "View '" + name + "' already exists");
    }

    StatementResult dropTable(SqlDropTable drop) {
        String name = simpleName(drop.name());
        Optional<TableDefinition> dropped = catalog.dropTable(name, drop.ifExists());
        dropped.ifPresent(this::dropStorageQuietly);
        return new StatementResult.Done(dropped.isPresent() ? "Table '" + name + "' dropped"
                : "Table '" + name + "' does not exist");
    }

    StatementResult dropView(SqlDropView drop) {
        String name = simpleName(drop.name());
        boolean dropped = catalog.dropView(name, drop.ifExists());
        return new StatementResult.Done(dropped ? "View '" + name + "' dropped" : "View '" + name + "' does not exist");
    }

    StatementResult showTables() {
        return nameRows("table name", catalog.tableNames());
    }

    StatementResult showViews() {
        return nameRows("view name", catalog.viewNames());
    }

    private static StatementResult nameRows(String column, List<String> names) {
        return new StatementResult.Rows(List.of(new Column(column, NAME)),
                names.stream().map(n -> List.<Object>of(n)).toList());
    }

    /** Flink's DESCRIBE columns: name, type, null, key, extras, watermark. */
    StatementResult describe(SqlDescribeTable describe) {
        String name = simpleName(describe.name());
        CatalogObject object = catalog.find(name).orElseThrow(() -> SqlErrors.at(ErrorKind.VALIDATION,
                "Table or view '" + name + "' does not exist", describe.name().getParserPosition()));
        List<Column> header = List.of(new Column("name", NAME), new Column("type", NAME),
                new Column("null", DataType.BOOLEAN), new Column("key", NAME), new Column("extras", NAME),
                new Column("watermark", NAME));
        List<List<Object>> rows = new ArrayList<>();
        TableDefinition table = object instanceof CatalogObject.Table t ? t.definition() : null;
        List<ColumnDefinition> columns = table != null ? table.columns()
                : ((CatalogObject.View) object).definition().columns();
        for (ColumnDefinition column : columns) {
            String key = table != null && table.primaryKey().stream().anyMatch(k -> k.equalsIgnoreCase(column.name()))
                    ? "PRI(" + String.join(", ", table.primaryKey()) + ")" : null;
            String watermark = table != null && column.name().equals(table.watermarkColumn())
                    ? table.watermarkExpression() : null;
            rows.add(java.util.Arrays.asList(column.name(), column.type().withNullable(true).sqlName(),
                    column.type().nullable(), key, column.isComputed() ? "AS " + column.expression() : null,
                    watermark));
        }
        return new StatementResult.Rows(header, rows);
    }

    static String simpleName(SqlIdentifier identifier) {
        if (!identifier.isSimple()) {
            throw SqlErrors.at(ErrorKind.VALIDATION, "Qualified names such as '" + identifier
                    + "' are not supported; Weir has one catalog and one database", identifier.getParserPosition());
        }
        return identifier.getSimple();
    }
}
