package io.weir.executor.connector.nexmark;

/**
 * The channels bids come through, each with its URL: half the bids use one of four hot channels (Google, Facebook,
 * Baidu, Apple), the others {@code channel-<i>} with {@code i} uniform below 10 000. A URL has the form
 * {@code https://www.nexmark.com/<a>/<b>/<c>/item.htm?query=1}, and 9 in 10 of the numbered channels' URLs add
 * {@code &channel_id=<n>}.
 *
 * <p>Channels are numbered by a code ({@code 0..3} hot, then the numbered ones); names and URLs are functions of the
 * seed and the code, made on first use and kept, so a bid costs no string building. Not thread-safe; one per reader.
 */
final class Channels {

    private static final String[] HOT = {"Google", "Facebook", "Baidu", "Apple"};
    private static final int NUMBERED = 10_000;
    private static final int CHANNEL_ID_ONE_IN = 10;
    /** The event id under which URL draws are made: negative ids are never events. */
    private static final long URL_NAMESPACE = -(1L << 40);

    private final EventRandom urlRandom;
    private final String[] names = new String[HOT.length + NUMBERED];
    private final String[] urls = new String[HOT.length + NUMBERED];
    private final StringBuilder buffer = new StringBuilder(96);

    /** @param urlRandom a generator of its own (URLs are drawn while a bid's draws are under way) */
    Channels(EventRandom urlRandom) {
        this.urlRandom = urlRandom;
        System.arraycopy(HOT, 0, names, 0, HOT.length);
    }

    /** The code of a bid's channel, from one draw: the low bit picks hot or numbered, other bits which one. */
    int pick(EventRandom random) {
        long bits = random.nextLong();
        return (bits & 1) != 0
                ? (int) (bits >>> 1) & (HOT.length - 1)
                : HOT.length + EventRandom.scale(bits >>> 32, NUMBERED);
    }

    String name(int code) {
        String name = names[code];
        if (name == null) {
            name = "channel-" + (code - HOT.length);
            names[code] = name;
        }
        return name;
    }

    String url(int code) {
        String url = urls[code];
        if (url == null) {
            url = makeUrl(code);
            urls[code] = url;
        }
        return url;
    }

    private String makeUrl(int code) {
        urlRandom.reset(URL_NAMESPACE, code);
        buffer.setLength(0);
        buffer.append("https://www.nexmark.com/");
        for (int part = 0; part < 3; part++) {
            appendPathPart();
            buffer.append('/');
        }
        buffer.append("item.htm?query=1");
        if (code >= HOT.length && urlRandom.nextInt(CHANNEL_ID_ONE_IN) > 0) {
            // As the reference, but in a long: the reverse of channel 1 is Integer.MIN_VALUE, whose int abs is negative.
            buffer.append("&channel_id=").append(Math.abs((long) Integer.reverse(code - HOT.length)));
        }
        return buffer.toString();
    }

    /** Three or four characters, a to z with about one in 13 an underscore. */
    private void appendPathPart() {
        int length = 3 + urlRandom.nextInt(2);
        for (int i = 0; i < length; i++) {
            buffer.append(urlRandom.nextInt(13) == 0 ? '_' : (char) ('a' + urlRandom.nextInt(26)));
        }
    }
}
