package io.weir.server.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import io.weir.executor.data.Chunk;
import io.weir.executor.data.DataType;
import io.weir.executor.data.Values;
import java.io.IOException;
import java.util.List;

/**
 * Result rows written straight from chunks into the JSON response as {@code [[v, ...], ...]}, so a large
 * result is never copied into an intermediate tree. Values follow DESIGN.md: numbers as numbers, temporal
 * values as {@code YYYY-MM-DD HH:MM:SS.fff} strings, NULL as null.
 */
public final class ChunkRows implements JsonSerializable {

    private final List<DataType> types;
    private final List<Chunk> chunks;

    public ChunkRows(List<DataType> types, List<Chunk> chunks) {
        this.types = types;
        this.chunks = chunks;
    }

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider serializers) throws IOException {
        gen.writeStartArray();
        for (Chunk chunk : chunks) {
            for (int row = 0; row < chunk.size(); row++) {
                gen.writeStartArray();
                for (int c = 0; c < types.size(); c++) {
                    // Not gen.writeObject: through the mapper it flushes after every value, which made every
                    // value its own write to the HTTP response (a 160,000-row answer took seconds).
                    serializers.defaultSerializeValue(Values.toJsonValue(types.get(c), chunk.column(c), row), gen);
                }
                gen.writeEndArray();
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
