package io.weir.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import io.weir.server.result.RowSlice;
import java.io.IOException;
import java.util.List;

/**
 * Rows of a continuous result with their change kind, {@code [{"op": "+I", "row": [v, ...]}, ...]}, written
 * straight from the chunks (values as in {@link ChunkRows}). {@link #writeRow} writes one such object, for
 * streams that put a row per line or event.
 */
public final class ChangelogRows implements JsonSerializable {

    private final List<DataType> types;
    private final List<RowSlice> slices;

    public ChangelogRows(List<DataType> types, List<RowSlice> slices) {
        this.types = types;
        this.slices = slices;
    }

    /** Writes row {@code row} of {@code chunk} as {@code {"op": ..., "row": [...]}}. */
    public static void writeRow(JsonGenerator gen, List<DataType> types, Chunk chunk, int row) throws IOException {
        gen.writeStartObject();
        gen.writeStringField("op", chunk.rowKind(row).shortString());
        gen.writeArrayFieldStart("row");
        for (int c = 0; c < types.size(); c++) {
            gen.writeObject(Values.toJsonValue(types.get(c), chunk.column(c), row));
        }
        gen.writeEndArray();
        gen.writeEndObject();
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartArray();
        for (RowSlice slice : slices) {
            for (int row = slice.from(); row < slice.to(); row++) {
                writeRow(gen, types, slice.chunk(), row);
            }
        }
        gen.writeEndArray();
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider serializers, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, serializers);
    }
}
