package io.weir.executor.connector.kafka;

import io.weir.executor.connector.RowBatch;
import io.weir.executor.connector.format.RecordException;
import io.weir.executor.connector.format.RecordLocation;
import io.weir.executor.data.Chunk;
import java.io.IOException;

/**
 * A kafka table's {@code format}: how the value of a record becomes a row and a row becomes a value, one record
 * per row. Immutable; one instance serves every reader and sink of the table.
 */
interface ValueFormat {

    /** A decoder for one reader thread; {@code where} names the record being decoded in error messages. */
    Decoder decoder(RecordLocation where);

    /** An encoder for one sink thread. */
    Encoder encoder();

    /** True when a record that cannot be decoded is skipped (and counted) instead of failing the query. */
    boolean skipsBadRecords();

    /** Decodes record values into rows. */
    interface Decoder {

        /**
         * Writes the row {@code value} holds at {@code batch.row()}; the caller commits it.
         *
         * @throws RecordException a record that is not one row of this format
         * @throws io.weir.executor.api.WeirException EXECUTION for a bad value when parse errors are not ignored
         */
        void decode(byte[] value, RowBatch batch) throws RecordException;
    }

    /** Encodes rows as record values. */
    interface Encoder {

        /** The value of a record holding row {@code row} of {@code chunk}: a new array the producer may keep. */
        byte[] encode(Chunk chunk, int row) throws IOException;
    }
}
