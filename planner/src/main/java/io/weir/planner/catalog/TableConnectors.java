package io.weir.planner.catalog;

import io.weir.executor.connector.ConnectorEnvironment;
import io.weir.executor.connector.ConnectorRegistry;
import io.weir.executor.connector.ConnectorTable;
import io.weir.executor.connector.TableSpec;
import io.weir.executor.connector.managed.ManagedTableStorage;
import io.weir.executor.data.DataType;
import java.util.List;
import java.util.UUID;

/** Turns catalog tables into runnable connector tables: managed tables to H2 storage, others by their options. */
public final class TableConnectors {

    private final ConnectorRegistry registry;
    private final ConnectorEnvironment environment;
    private final ManagedTableStorage managedStorage;

    public TableConnectors(ConnectorRegistry registry, ConnectorEnvironment environment) {
        this.registry = registry;
        this.environment = environment;
        this.managedStorage = new ManagedTableStorage(environment.managedStore());
    }

    public ConnectorEnvironment environment() {
        return environment;
    }

    public ConnectorTable resolve(TableDefinition table) {
        List<ColumnDefinition> physical = table.physicalColumns();
        List<String> names = physical.stream().map(ColumnDefinition::name).toList();
        List<DataType> types = physical.stream().map(ColumnDefinition::type).toList();
        if (table.isManaged()) {
            return managedStorage.table(table.storageName(), names, types);
        }
        return registry.create(new TableSpec(table.name(), names, types, table.primaryKey(), table.options(),
                environment));
    }

    /** A fresh storage name for a new managed table. */
    public static String newStorageName() {
        return "T_" + UUID.randomUUID().toString().replace("-", "");
    }

    public void createStorage(TableDefinition table) {
        managedStorage.create(table.storageName(),
                table.physicalColumns().stream().map(ColumnDefinition::type).toList());
    }

    public void dropStorage(TableDefinition table) {
        managedStorage.drop(table.storageName());
    }
}
