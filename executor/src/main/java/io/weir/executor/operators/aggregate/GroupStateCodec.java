package io.weir.executor.operators.aggregate;

import io.weir.executor.checkpoint.ValueCodec;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads the per-group arrays of accumulators for checkpoints: the entries of the listed groups, in
 * list order, so that a restore can place them at other group ids ({@link Accumulator#writeGroups}).
 */
final class GroupStateCodec {

    private GroupStateCodec() {
    }

    static void writeLongs(DataOutput out, long[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            ValueCodec.writeVarLong(out, values[groups[i]]);
        }
    }

    static void readLongs(DataInput in, long[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            values[groups[i]] = ValueCodec.readVarLong(in);
        }
    }

    static void writeDoubles(DataOutput out, double[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeDouble(values[groups[i]]);
        }
    }

    static void readDoubles(DataInput in, double[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            values[groups[i]] = in.readDouble();
        }
    }

    static void writeBooleans(DataOutput out, boolean[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            out.writeBoolean(values[groups[i]]);
        }
    }

    static void readBooleans(DataInput in, boolean[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            values[groups[i]] = in.readBoolean();
        }
    }

    /** Strings that may be null: a presence flag, then the string. */
    static void writeStrings(DataOutput out, String[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            String value = values[groups[i]];
            out.writeBoolean(value != null);
            if (value != null) {
                ValueCodec.writeString(out, value);
            }
        }
    }

    static void readStrings(DataInput in, String[] values, int[] groups, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            values[groups[i]] = in.readBoolean() ? ValueCodec.readString(in) : null;
        }
    }
}
