package io.weir.bench.flink;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.SourceProvider;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.types.logical.LogicalType;

/**
 * {@code 'connector' = 'nexmark'} in Flink: the same table DDL as in Weir, over {@link GeneratorSource}. Every
 * option but {@code connector} goes to Weir's nexmark connector, which validates them, so the factory declares none.
 */
public final class NexmarkTableFactory implements DynamicTableSourceFactory {

    @Override
    public String factoryIdentifier() {
        return "nexmark";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        ResolvedSchema schema = context.getCatalogTable().getResolvedSchema();
        List<Column> physical = schema.getColumns().stream().filter(Column::isPhysical).toList();
        List<String> names = physical.stream().map(Column::getName).toList();
        List<LogicalType> types = physical.stream().map(c -> c.getDataType().getLogicalType()).toList();
        Map<String, String> options = new HashMap<>(context.getCatalogTable().getOptions());
        options.remove("connector");
        String table = context.getObjectIdentifier().getObjectName();
        return new Scan(new GeneratorSource(table, names, types, options));
    }

    private record Scan(GeneratorSource source) implements ScanTableSource {

        @Override
        public ChangelogMode getChangelogMode() {
            return ChangelogMode.insertOnly();
        }

        @Override
        public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
            return SourceProvider.of(source);
        }

        @Override
        public DynamicTableSource copy() {
            return new Scan(source);
        }

        @Override
        public String asSummaryString() {
            return "Weir nexmark generator";
        }
    }
}
