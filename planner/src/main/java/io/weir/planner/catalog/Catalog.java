package io.weir.planner.catalog;

import io.weir.executor.api.WeirException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The global, persistent set of tables and views. Names are case-insensitive (as the SQL validator matches
 * them) but keep the spelling they were created with. Reads see a consistent snapshot; writes are serialized
 * and go to the store before they become visible.
 */
public final class Catalog {

    private final CatalogStore store;
    private final Map<String, CatalogObject> objects = new ConcurrentHashMap<>();

    public Catalog(EmbeddedDatabase database) {
        this.store = new CatalogStore(database);
        for (CatalogObject object : store.loadAll()) {
            objects.put(CatalogStore.key(object.name()), object);
        }
    }

    public Optional<CatalogObject> find(String name) {
        return Optional.ofNullable(objects.get(CatalogStore.key(name)));
    }

    public Optional<TableDefinition> findTable(String name) {
        return find(name).filter(o -> o instanceof CatalogObject.Table)
                .map(o -> ((CatalogObject.Table) o).definition());
    }

    /** Every object, sorted by name: the snapshot a statement plans against. */
    public List<CatalogObject> snapshot() {
        List<CatalogObject> all = new ArrayList<>(objects.values());
        all.sort(Comparator.comparing(o -> o.name().toLowerCase(java.util.Locale.ROOT)));
        return all;
    }

    public List<String> tableNames() {
        return names(CatalogObject.Table.class);
    }

    public List<String> viewNames() {
        return names(CatalogObject.View.class);
    }

    private List<String> names(Class<? extends CatalogObject> kind) {
        return snapshot().stream().filter(kind::isInstance).map(CatalogObject::name).toList();
    }

    /** Adds a table; returns false (and changes nothing) when it exists and {@code ifNotExists} is set. */
    public synchronized boolean createTable(TableDefinition table, boolean ifNotExists) {
        if (!checkAbsent(table.name(), ifNotExists)) {
            return false;
        }
        put(new CatalogObject.Table(table));
        return true;
    }

    /** Adds or replaces a view; returns false when it exists and {@code ifNotExists} is set. */
    public synchronized boolean createView(ViewDefinition view, boolean orReplace, boolean ifNotExists) {
        Optional<CatalogObject> existing = find(view.name());
        if (existing.isPresent()) {
            if (existing.get() instanceof CatalogObject.Table) {
                throw WeirException.validation("Cannot create view '" + view.name() + "': a table of that name exists");
            }
            if (ifNotExists) {
                return false;
            }
            if (!orReplace) {
                throw WeirException.validation("View '" + view.name() + "' already exists; use CREATE OR REPLACE VIEW");
            }
        }
        put(new CatalogObject.View(view));
        return true;
    }

    /** Removes a table; returns it, or empty when absent and {@code ifExists} is set. */
    public synchronized Optional<TableDefinition> dropTable(String name, boolean ifExists) {
        Optional<CatalogObject> existing = find(name);
        if (existing.isEmpty() || !(existing.get() instanceof CatalogObject.Table table)) {
            if (existing.isPresent()) {
                throw WeirException.validation("'" + name + "' is a view; use DROP VIEW");
            }
            if (ifExists) {
                return Optional.empty();
            }
            throw WeirException.validation("Table '" + name + "' does not exist");
        }
        remove(name);
        return Optional.of(table.definition());
    }

    public synchronized boolean dropView(String name, boolean ifExists) {
        Optional<CatalogObject> existing = find(name);
        if (existing.isEmpty() || !(existing.get() instanceof CatalogObject.View)) {
            if (existing.isPresent()) {
                throw WeirException.validation("'" + name + "' is a table; use DROP TABLE");
            }
            if (ifExists) {
                return false;
            }
            throw WeirException.validation("View '" + name + "' does not exist");
        }
        remove(name);
        return true;
    }

    public Collection<CatalogObject> objects() {
        return snapshot();
    }

    private boolean checkAbsent(String name, boolean ifNotExists) {
        Optional<CatalogObject> existing = find(name);
        if (existing.isEmpty()) {
            return true;
        }
        if (ifNotExists && existing.get() instanceof CatalogObject.Table) {
            return false;
        }
        String what = existing.get() instanceof CatalogObject.Table ? "Table" : "A view named";
        throw WeirException.validation(what + " '" + existing.get().name() + "' already exists");
    }

    private void put(CatalogObject object) {
        store.put(object);
        objects.put(CatalogStore.key(object.name()), object);
    }

    private void remove(String name) {
        store.remove(name);
        objects.remove(CatalogStore.key(name));
    }
}
