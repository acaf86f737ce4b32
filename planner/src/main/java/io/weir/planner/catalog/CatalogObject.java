package io.weir.planner.catalog;

/** What a name in the catalog stands for: a table or a view. */
public sealed interface CatalogObject {

    String name();

    record Table(TableDefinition definition) implements CatalogObject {
        @Override
        public String name() {
            return definition.name();
        }
    }

    record View(ViewDefinition definition) implements CatalogObject {
        @Override
        public String name() {
            return definition.name();
        }
    }
}
