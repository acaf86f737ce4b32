package io.weir.executor.data;

import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * An append-only column of strings kept as bytes in a few large pages instead of as one {@code String} (and one
 * {@code byte[]}) per row: for rows an operator keeps while they turn over quickly (a stream join's stored side).
 * A million kept strings are then a handful of arrays to the garbage collector rather than two million objects it
 * traces and copies at every collection, and a checkpoint copies their bytes instead of visiting each string.
 *
 * <p>Each string is stored in its checkpoint encoding (the UTF-8 length as an unsigned variable-length int, then the
 * UTF-8 bytes; what {@code ValueCodec.writeString} writes), so {@link #writeEncoded} copies bytes. Reading a value back
 * ({@link #get}, {@link #gather}) decodes a new {@code String}: this layout suits columns that are written far more
 * often than read.
 *
 * <p>Rows are appended in order ({@link #append}); a written row never changes, which is what lets a
 * {@link #frozenView} be read by another thread while rows are appended. One thread writes.
 */
public final class PackedStrings {

    /** The first page of a column; pages double from here, so a column of a few short strings stays small. */
    private static final int FIRST_PAGE = 1024;
    /**
     * The largest page: well below half of the garbage collector's smallest region (1 MB), so a page is an ordinary
     * allocation the young collection copies as one block, not a humongous one.
     */
    private static final int MAX_PAGE = 256 * 1024;

    /** The page half of an address. */
    private static final long PAGE_BITS = 0xFFFF_FFFF_0000_0000L;

    private byte[][] pages = new byte[4][];
    /** Pages in use; new strings go into the last, from {@link #used}. */
    private int pageCount;
    private int used;
    /** Per row: its page in the high 32 bits, its offset in that page in the low ones; unset for nulls. */
    private long[] addresses;
    private boolean[] nulls;
    private boolean mayHaveNulls;
    /** Rows {@code [0, size)} are written. */
    private int size;

    public PackedStrings(int capacity) {
        this.addresses = new long[capacity];
        this.nulls = new boolean[capacity];
    }

    public int size() {
        return size;
    }

    public boolean isNull(int row) {
        return mayHaveNulls && nulls[row];
    }

    public boolean mayHaveNulls() {
        return mayHaveNulls;
    }

    /** Appends rows {@code [from, from + count)} of {@code source}. */
    public void append(StringVector source, int from, int count) {
        ensureCapacity(size + count);
        String[] values = source.values();
        for (int row = from; row < from + count; row++) {
            if (source.isNull(row)) {
                nulls[size] = true;
                mayHaveNulls = true;
            } else {
                addresses[size] = pack(values[row]);
            }
            size++;
        }
    }

    /** The string of row {@code row}, decoded anew; null for a null row. */
    public String get(int row) {
        if (isNull(row)) {
            return null;
        }
        long address = addresses[row];
        byte[] page = pages[(int) (address >>> 32)];
        int at = (int) address;
        int length = lengthAt(page, at);
        return new String(page, at + StringEncoding.varIntSize(length), length, StandardCharsets.UTF_8);
    }

    /** A vector of rows {@code rows[0..count)}, in that order. */
    public StringVector gather(int[] rows, int count) {
        StringVector out = new StringVector(count);
        for (int i = 0; i < count; i++) {
            out.set(i, get(rows[i]));
        }
        return out;
    }

    /**
     * Writes the checkpoint encodings of the non-null strings of rows {@code [from, to)} to {@code out}, one after
     * another: the same bytes as {@code ValueCodec.writeString} of each, copied a run of rows at a time (rows are
     * stored in order, so the rows of one page are one run).
     */
    public void writeEncoded(DataOutput out, int from, int to) throws IOException {
        for (int row = from; row < to; ) {
            if (isNull(row)) {
                row++;
                continue;
            }
            long page = addresses[row] & PAGE_BITS;
            byte[] bytes = pages[(int) (page >>> 32)];
            int start = (int) addresses[row];
            int end = start;
            while (row < to && !isNull(row) && addresses[row] == (page | end)) {
                int length = lengthAt(bytes, end);
                end += StringEncoding.varIntSize(length) + length;
                row++;
            }
            out.write(bytes, start, end - start);
        }
    }

    /**
     * A column over this one's current arrays, for another thread to read the rows written so far while this one
     * appends (an asynchronous snapshot): appending moves to new arrays as they grow and never writes a byte an
     * earlier row uses. Never append to the view.
     */
    public PackedStrings frozenView() {
        PackedStrings view = new PackedStrings(0);
        view.pages = pages;
        view.addresses = addresses;
        view.nulls = nulls;
        view.mayHaveNulls = mayHaveNulls;
        view.size = size;
        return view;
    }

    private void ensureCapacity(int minCapacity) {
        if (minCapacity > addresses.length) {
            int newCapacity = Math.max(minCapacity, addresses.length + (addresses.length >> 1) + 16);
            addresses = Arrays.copyOf(addresses, newCapacity);
            nulls = Arrays.copyOf(nulls, newCapacity);
        }
    }

    /** Stores {@code value}'s encoding in the current page (or a new one) and returns its address. */
    private long pack(String value) {
        int length = value.length();
        if (length <= StringEncoding.SHORT) {
            byte[] page = room(length + 1);
            int at = used;
            if (StringEncoding.copyAscii(value, page, at + 1)) {
                page[at] = (byte) length;
                used = at + 1 + length;
                return address(at);
            }
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        int n = utf8.length;
        byte[] page = room(StringEncoding.varIntSize(n) + n);
        int at = used;
        int pos = StringEncoding.putVarInt(page, at, n);
        System.arraycopy(utf8, 0, page, pos, n);
        used = pos + n;
        return address(at);
    }

    private long address(int offset) {
        return ((long) (pageCount - 1) << 32) | offset;
    }

    /** The current page if it has {@code bytes} free, else a new page (doubling, up to the largest) that has. */
    private byte[] room(int bytes) {
        if (pageCount > 0 && pages[pageCount - 1].length - used >= bytes) {
            return pages[pageCount - 1];
        }
        int last = pageCount == 0 ? FIRST_PAGE / 2 : pages[pageCount - 1].length;
        byte[] page = new byte[Math.max(bytes, Math.min(MAX_PAGE, last * 2))];
        if (pageCount == pages.length) {
            pages = Arrays.copyOf(pages, pageCount * 2);
        }
        pages[pageCount++] = page;
        used = 0;
        return page;
    }

    /** The length prefix of the string stored at {@code at}. */
    private static int lengthAt(byte[] page, int at) {
        int length = 0;
        for (int shift = 0; ; shift += 7) {
            byte b = page[at++];
            length |= (b & 0x7F) << shift;
            if (b >= 0) {
                return length;
            }
        }
    }

    /**
     * True when the strings of {@code column}'s first {@code size} rows (a sample of at least a few dozen) are mostly
     * distinct objects: strings made per row, which packing takes off the garbage collector's hands, rather than
     * strings shared from a pool (a code, a name from a small set), which packing would copy into every row.
     */
    public static boolean mostlyDistinct(StringVector column, int size) {
        Set<String> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        int values = 0;
        for (int row = 0; row < size; row++) {
            if (!column.isNull(row)) {
                seen.add(column.get(row));
                values++;
            }
        }
        return values > 0 && seen.size() * 4 >= values * 3;
    }
}
