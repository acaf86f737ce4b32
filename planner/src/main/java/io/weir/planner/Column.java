package io.weir.planner;

import io.weir.executor.data.DataType;

/** A result column: its name and type. */
public record Column(String name, DataType type) {
}
