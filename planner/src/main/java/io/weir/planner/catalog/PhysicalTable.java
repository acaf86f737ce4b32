package io.weir.planner.catalog;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * The stored columns of a catalog table as Calcite sees them; a scan of it becomes a connector source and an
 * INSERT into it the connector's sink.
 */
public final class PhysicalTable extends AbstractTable {

    private final TableDefinition definition;

    public PhysicalTable(TableDefinition definition) {
        this.definition = definition;
    }

    public TableDefinition definition() {
        return definition;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return RelTypes.rowType(typeFactory, definition.physicalColumns());
    }
}
