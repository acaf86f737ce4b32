package io.weir.planner;

import io.weir.executor.api.WeirException;
import io.weir.parser.WeirSqlParser;
import io.weir.planner.catalog.Catalog;
import io.weir.planner.catalog.CatalogSchema;
import io.weir.planner.functions.WeirFunctions;
import io.weir.planner.functions.WindowFunctions;
import io.weir.planner.validate.SetSemanticsTables;
import io.weir.planner.validate.SqlErrors;
import io.weir.planner.validate.WeirTypeSystem;
import io.weir.planner.catalog.ColumnDefinition;
import io.weir.planner.catalog.PhysicalTable;
import io.weir.planner.catalog.TableDefinition;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.calcite.config.CalciteConnectionConfigImpl;
import org.apache.calcite.config.CalciteConnectionProperty;
import org.apache.calcite.config.NullCollation;
import org.apache.calcite.jdbc.JavaTypeFactoryImpl;
import org.apache.calcite.plan.ConventionTraitDef;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.volcano.VolcanoPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperatorTable;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.util.SqlOperatorTables;
import org.apache.calcite.sql.validate.SqlConformanceEnum;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorUtil;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.sql2rel.StandardConvertletTable;

/**
 * Everything one statement is planned with: a snapshot of the catalog as a Calcite schema, the type factory,
 * the validator settings and the cluster (whose Volcano planner holds the physical rules). Not thread-safe;
 * one per statement.
 */
public final class PlanningSession implements RelOptTable.ViewExpander {

    /** Views may use views; this bounds the nesting so a cycle fails clearly instead of overflowing the stack. */
    private static final int MAX_VIEW_DEPTH = 32;

    private final JavaTypeFactoryImpl typeFactory = new JavaTypeFactoryImpl(WeirTypeSystem.INSTANCE);
    private final CalciteCatalogReader catalogReader;
    private final SqlOperatorTable operatorTable;
    private final RelOptCluster cluster;
    private int viewDepth;

    public PlanningSession(Catalog catalog) {
        Properties properties = new Properties();
        properties.setProperty(CalciteConnectionProperty.CASE_SENSITIVE.camelName(), "false");
        this.catalogReader = new CalciteCatalogReader(CatalogSchema.build(catalog), List.of(), typeFactory,
                new CalciteConnectionConfigImpl(properties));
        this.operatorTable = WindowFunctions.over(SqlOperatorTables.chain(WeirFunctions.operatorTable(), catalogReader));
        VolcanoPlanner planner = new VolcanoPlanner();
        planner.addRelTraitDef(ConventionTraitDef.INSTANCE);
        this.cluster = RelOptCluster.create(planner, new RexBuilder(typeFactory));
    }

    public RelOptCluster cluster() {
        return cluster;
    }

    public RexBuilder rexBuilder() {
        return cluster.getRexBuilder();
    }

    public JavaTypeFactoryImpl typeFactory() {
        return typeFactory;
    }

    public SqlValidator newValidator() {
        SqlValidator.Config config = SqlValidator.Config.DEFAULT
                .withConformance(SqlConformanceEnum.LENIENT)
                .withDefaultNullCollation(NullCollation.LOW)
                .withIdentifierExpansion(true);
        return SqlValidatorUtil.newValidator(operatorTable, catalogReader, typeFactory, config);
    }

    /** Validates a query or INSERT; errors carry the position of the offending text. */
    public SqlNode validate(SqlValidator validator, SqlNode node) {
        try {
            return validator.validate(node);
        } catch (CalciteException e) {
            throw SqlErrors.validation(e);
        }
    }

    public RelRoot toRel(SqlValidator validator, SqlNode validated) {
        SqlToRelConverter.Config config = SqlToRelConverter.config()
                .withTrimUnusedFields(true)
                .withExpand(SetSemanticsTables.appearIn(validated))
                .withInSubQueryThreshold(Integer.MAX_VALUE);
        SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
                StandardConvertletTable.INSTANCE, config);
        try {
            RelRoot root = converter.convertQuery(validated, false, true);
            return root.withRel(converter.trimUnusedFields(true, root.rel));
        } catch (CalciteException e) {
            throw SqlErrors.validation(e);
        }
    }

    /**
     * The table's {@code WATERMARK} expression as a row expression over its physical columns (a computed column
     * it refers to is replaced by that column's expression), for the source to evaluate per split.
     */
    public RexNode watermarkExpression(TableDefinition table) {
        List<ColumnDefinition> physical = table.physicalColumns();
        RelDataType physicalRow = new PhysicalTable(table).getRowType(typeFactory);
        Map<String, RelDataType> types = new HashMap<>();
        Map<String, RexNode> nodes = new HashMap<>();
        for (int i = 0; i < physical.size(); i++) {
            RelDataType type = physicalRow.getFieldList().get(i).getType();
            types.put(physical.get(i).name(), type);
            nodes.put(physical.get(i).name(), rexBuilder().makeInputRef(type, i));
        }
        for (ColumnDefinition column : table.columns()) {
            if (column.isComputed()) {
                RexNode expression = convertExpression(column.expression(), types, nodes);
                types.put(column.name(), expression.getType());
                nodes.put(column.name(), expression);
            }
        }
        return convertExpression(table.watermarkExpression(), types, nodes);
    }

    private RexNode convertExpression(String sql, Map<String, RelDataType> types, Map<String, RexNode> nodes) {
        try {
            SqlValidator validator = newValidator();
            SqlNode validated = validator.validateParameterizedExpression(WeirSqlParser.parseExpression(sql), types);
            SqlToRelConverter converter = new SqlToRelConverter(this, validator, catalogReader, cluster,
                    StandardConvertletTable.INSTANCE, SqlToRelConverter.config());
            return converter.convertExpression(validated, nodes);
        } catch (SqlParseException e) {
            throw WeirException.validation("The stored expression '" + sql + "' no longer parses: " + e.getMessage());
        } catch (CalciteException e) {
            throw SqlErrors.validation(e);
        }
    }

    @Override
    public RelRoot expandView(RelDataType rowType, String queryString, List<String> schemaPath,
            List<String> viewPath) {
        if (++viewDepth > MAX_VIEW_DEPTH) {
            throw WeirException.validation("View " + viewPath + " refers to itself (directly or through other views)");
        }
        try {
            SqlNode parsed = WeirSqlParser.parseStatement(queryString);
            SqlValidator validator = newValidator();
            SqlNode validated = validate(validator, parsed);
            return toRel(validator, validated);
        } catch (SqlParseException e) {
            throw WeirException.validation("The stored query of " + viewPath + " no longer parses: " + e.getMessage());
        } finally {
            viewDepth--;
        }
    }
}
