package io.weir.executor.runtime;

import io.weir.executor.checkpoint.BarrierAligner;
import io.weir.executor.data.EndOfInput;
import io.weir.executor.data.StreamElement;

/**
 * All input channels of one task, of all its inputs, read in turn. Taking one element at a time from each
 * channel in rotation is what keeps a task from blocking on one input while another is full: a diamond where one
 * source feeds both inputs of a join must never deadlock. Tracks which channels and inputs have ended.
 * Used by the task thread only.
 */
final class InputGate {

    private final Channel[] channels;
    /** The operator input each channel feeds. */
    private final int[] channelInputs;
    private final boolean[] channelEnded;
    /** Per input, how many of its channels have not delivered end-of-input yet. */
    private final int[] openChannelsPerInput;
    private int openChannels;
    private int next;
    private int lastChannel = -1;

    InputGate(Channel[] channels, int[] channelInputs, int inputCount) {
        this.channels = channels.clone();
        this.channelInputs = channelInputs.clone();
        this.channelEnded = new boolean[channels.length];
        this.openChannelsPerInput = new int[inputCount];
        for (int input : channelInputs) {
            openChannelsPerInput[input]++;
        }
        this.openChannels = channels.length;
    }

    int channelCount() {
        return channels.length;
    }

    int inputCount() {
        return openChannelsPerInput.length;
    }

    /**
     * The next element of the next channel in rotation that has one, or null when none has; never blocks. After
     * an {@link EndOfInput} the channel is not read again; while the aligner blocks a channel (it delivered the
     * barrier of a checkpoint being aligned), it is skipped.
     */
    StreamElement poll(BarrierAligner aligner) {
        int count = channels.length;
        for (int i = 0; i < count; i++) {
            int channel = next;
            next = channel + 1 == count ? 0 : channel + 1;
            if (channelEnded[channel] || aligner.isBlocked(channel)) {
                continue;
            }
            StreamElement element = channels[channel].poll();
            if (element != null) {
                lastChannel = channel;
                if (element instanceof EndOfInput) {
                    channelEnded[channel] = true;
                    openChannels--;
                    openChannelsPerInput[channelInputs[channel]]--;
                }
                return element;
            }
        }
        return null;
    }

    /** The channel the last polled element came from (its index among all the task's channels). */
    int lastChannel() {
        return lastChannel;
    }

    /** The operator input the last polled element belongs to. */
    int lastInput() {
        return channelInputs[lastChannel];
    }

    /** True when every channel of {@code input} has ended (at once for an input that has no channel). */
    boolean isInputEnded(int input) {
        return openChannelsPerInput[input] == 0;
    }

    boolean allEnded() {
        return openChannels == 0;
    }
}
