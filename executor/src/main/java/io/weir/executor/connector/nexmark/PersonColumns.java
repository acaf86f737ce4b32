package io.weir.executor.connector.nexmark;

import io.weir.executor.data.DataType;
import io.weir.executor.data.LongVector;
import io.weir.executor.data.StringVector;
import io.weir.executor.data.Vector;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The columns of a person: {@code id, name, email_address, credit_card, city, state, date_time, extra}. */
final class PersonColumns extends EntityColumns {

    static final List<String> NAMES = List.of("id", "name", "email_address", "credit_card", "city", "state",
            "date_time", "extra");
    static final List<DataType> TYPES = List.of(DataType.BIGINT, DataType.STRING, DataType.STRING, DataType.STRING,
            DataType.STRING, DataType.STRING, DataType.TIMESTAMP, DataType.STRING);

    private static final int ID = 0;
    private static final int NAME = 1;
    private static final int EMAIL = 2;
    private static final int CREDIT_CARD = 3;
    private static final int CITY = 4;
    private static final int STATE = 5;
    private static final int DATE_TIME = 6;
    private static final int EXTRA = 7;

    private static final String[] FIRST_NAMES =
            {"Peter", "Paul", "Luke", "John", "Saul", "Vicky", "Kate", "Julie", "Sarah", "Deiter", "Walter"};
    private static final String[] LAST_NAMES =
            {"Shultz", "Abrams", "Spencer", "White", "Bartels", "Walton", "Smith", "Jones", "Noris"};
    private static final String[] CITIES = {"Phoenix", "Los Angeles", "San Francisco", "Boise", "Portland", "Bend",
            "Redmond", "Seattle", "Kent", "Cheyenne"};
    private static final String[] STATES = {"AZ", "CA", "ID", "OR", "WA", "WY"};
    /** Every "first last" name, so a person's name is a lookup, not a concatenation. */
    private static final String[] FULL_NAMES = fullNames();

    /** {@code dddd dddd dddd dddd}. */
    private static final int CREDIT_CARD_LENGTH = 19;
    private static final int AVERAGE_SIZE = 200;

    /** Where an email address (at most 15 characters) or a card number (19) is assembled. */
    private final byte[] scratch = new byte[32];

    PersonColumns(EventModel model, EventRandom random, TextPool text) {
        super(model, random, text);
    }

    private static String[] fullNames() {
        String[] names = new String[FIRST_NAMES.length * LAST_NAMES.length];
        for (int f = 0; f < FIRST_NAMES.length; f++) {
            for (int l = 0; l < LAST_NAMES.length; l++) {
                names[f * LAST_NAMES.length + l] = FIRST_NAMES[f] + " " + LAST_NAMES[l];
            }
        }
        return names;
    }

    @Override
    void fill(int column, EventBatch events, Vector out) {
        switch (column) {
            case ID -> {
                long[] values = ((LongVector) out).values();
                for (int i = 0; i < events.size; i++) {
                    values[i] = model.lastBase0PersonId(events.ids[i], events.cycles[i]) + EventModel.FIRST_PERSON_ID;
                }
            }
            case NAME, EMAIL, CREDIT_CARD, CITY, STATE -> fillStrings(events, ((StringVector) out).values(), column);
            case DATE_TIME -> fillTimestamps(events, out);
            case EXTRA -> fillExtra(events, out, EXTRA, this::sizeWithoutExtra, AVERAGE_SIZE);
            default -> throw new IllegalArgumentException("No person column " + column);
        }
    }

    private void fillStrings(EventBatch events, String[] values, int field) {
        for (int i = 0; i < events.size; i++) {
            random.reset(events.ids[i], field);
            values[i] = switch (field) {
                case NAME -> FULL_NAMES[random.nextInt(FULL_NAMES.length)];
                case EMAIL -> email();
                case CREDIT_CARD -> creditCard();
                case CITY -> CITIES[random.nextInt(CITIES.length)];
                default -> STATES[random.nextInt(STATES.length)];
            };
        }
    }

    /** Random words of 3 to 6 and of 3 or 4 characters, {@code <user>@<host>.com}, from one draw. */
    private String email() {
        long bits = random.nextLong();
        int at = text.copyWords(TextPool.window(bits), userLength(bits), scratch, 0);
        scratch[at++] = '@';
        int end = text.copyWords(TextPool.window(bits >>> 32), hostLength(bits), scratch, at);
        scratch[end++] = '.';
        scratch[end++] = 'c';
        scratch[end++] = 'o';
        scratch[end++] = 'm';
        return new String(scratch, 0, end, StandardCharsets.ISO_8859_1);
    }

    /** Bits 16 and 17 of the email's draw: 3 to 6 characters before the at sign (before trimming). */
    private static int userLength(long bits) {
        return 3 + (int) ((bits >>> 16) & 3);
    }

    /** Bit 18 of the email's draw: 3 or 4 characters of host name (before trimming). */
    private static int hostLength(long bits) {
        return 3 + (int) ((bits >>> 18) & 1);
    }

    /** Four groups of four digits, each group taken from 16 bits of one draw. */
    private String creditCard() {
        long bits = random.nextLong();
        int at = 0;
        for (int group = 0; group < 4; group++) {
            int value = (int) ((((bits >>> (16 * group)) & 0xFFFF) * 10_000) >>> 16);
            if (group > 0) {
                scratch[at++] = ' ';
            }
            for (int divisor = 1000; divisor > 0; divisor /= 10) {
                scratch[at++] = (byte) ('0' + value / divisor % 10);
            }
        }
        return new String(scratch, 0, at, StandardCharsets.ISO_8859_1);
    }

    /** The reference's size of a person without extra: the id and the lengths of its strings. */
    private int sizeWithoutExtra(long eventId) {
        random.reset(eventId, NAME);
        int size = 8 + FULL_NAMES[random.nextInt(FULL_NAMES.length)].length();
        random.reset(eventId, EMAIL);
        long bits = random.nextLong();
        int user = text.wordsLength(TextPool.window(bits), userLength(bits));
        int host = text.wordsLength(TextPool.window(bits >>> 32), hostLength(bits));
        size += user + 1 + host + 4 + CREDIT_CARD_LENGTH;
        random.reset(eventId, CITY);
        size += CITIES[random.nextInt(CITIES.length)].length();
        return size + 2;
    }
}
