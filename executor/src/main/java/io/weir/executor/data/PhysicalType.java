package io.weir.executor.data;

/** How values of a {@link TypeKind} are laid out in memory: one vector class per physical type. */
public enum PhysicalType {
    LONG,
    DOUBLE,
    BOOLEAN,
    STRING
}
