package io.weir.executor.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataOutput;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubtaskStateFileTest {

    @TempDir
    Path dir;

    @Test
    void whenStreamsInterleaveAndOutgrowTheirBlocks_thenTheFileReadsBackEachStreamWhole() throws IOException {
        Random random = new Random(7);
        OperatorStateData expected = new OperatorStateData();
        DataOutput[] expectedGroups = {expected.keyGroup(3), expected.keyGroup(90), expected.keyGroup(127)};
        DataOutput expectedOperator = expected.operatorState();
        DataOutput expectedAll = expected.allKeyGroups();
        try (SubtaskStateFile file = SubtaskStateFile.create(dir, 4, 1, Map.of("split-0", new byte[] {1, 2}))) {
            DataOutput[] groups = {file.keyGroup(3), file.keyGroup(90), file.keyGroup(127)};
            DataOutput operator = file.operatorState();
            DataOutput all = file.allKeyGroups();
            // About 200 KB of bytes and some 3 MB of long arrays per stream, in writes of every size, so each hands
            // several blocks to the file.
            for (int i = 0; i < 60_000; i++) {
                int stream = random.nextInt(5);
                byte[] bytes = new byte[random.nextInt(9) == 0 ? random.nextInt(40_000) : random.nextInt(8)];
                random.nextBytes(bytes);
                long value = random.nextLong();
                long small = value >> random.nextInt(64);
                DataOutput actual = stream == 4 ? all : stream == 3 ? operator : groups[stream];
                DataOutput reference = stream == 4 ? expectedAll : stream == 3 ? expectedOperator
                        : expectedGroups[stream];
                long[] longs = random.longs(random.nextInt(300) == 0 ? 9_000 : 3).toArray();
                for (DataOutput out : new DataOutput[] {actual, reference}) {
                    out.write(bytes);
                    out.writeLong(value);
                    ValueCodec.writeVarLong(out, small);
                    ValueCodec.writePackedLongs(out, longs, longs.length);
                }
            }
        }

        SubtaskState read = CheckpointStorage.readSubtaskState(dir, 4, 1);

        assertThat(read.positions()).containsOnlyKeys("split-0");
        assertThat(read.positions().get("split-0")).containsExactly(1, 2);
        assertThat(read.state().keyGroupBytes()).containsOnlyKeys(3, 90, 127);
        for (int group : new int[] {3, 90, 127}) {
            assertThat(read.state().keyGroupBytes().get(group)).isEqualTo(expected.keyGroupBytes().get(group));
        }
        assertThat(read.state().operatorStateBytes()).isEqualTo(expected.operatorStateBytes());
        assertThat(read.state().allKeyGroupsBytes()).isEqualTo(expected.allKeyGroupsBytes());
    }

    @Test
    void whenTwoFilesAreWrittenAtOnceOnOneThread_thenEachKeepsItsOwnBytes() throws IOException {
        byte[] first = new byte[300_000];
        byte[] second = new byte[300_000];
        Arrays.fill(first, (byte) 1);
        Arrays.fill(second, (byte) 2);
        for (int round = 0; round < 2; round++) {
            try (SubtaskStateFile a = SubtaskStateFile.create(dir, 0, round, Map.of());
                    SubtaskStateFile b = SubtaskStateFile.create(dir, 1, round, Map.of())) {
                DataOutput outA = a.keyGroup(0);
                DataOutput outB = b.keyGroup(0);
                for (int at = 0; at < first.length; at += 50_000) {
                    outA.write(first, at, 50_000);
                    outB.write(second, at, 50_000);
                }
            }
        }

        for (int round = 0; round < 2; round++) {
            assertThat(CheckpointStorage.readSubtaskState(dir, 0, round).state().keyGroupBytes().get(0))
                    .isEqualTo(first);
            assertThat(CheckpointStorage.readSubtaskState(dir, 1, round).state().keyGroupBytes().get(0))
                    .isEqualTo(second);
        }
    }

    @Test
    void whenASubtaskHasNeitherPositionsNorState_thenItLeavesNoFile() throws IOException {
        try (SubtaskStateFile file = SubtaskStateFile.create(dir, 2, 0, Map.of())) {
            assertThat(file.size()).isZero();
        }

        assertThat(dir).isEmptyDirectory();
        assertThat(CheckpointStorage.readSubtaskState(dir, 2, 0)).isNull();
    }

    @Test
    void whenOnlyPositionsAreWritten_thenTheyReadBackWithEmptyState() throws IOException {
        try (SubtaskStateFile file = SubtaskStateFile.create(dir, 0, 0, Map.of("s", new byte[] {9}))) {
            assertThat(file.size()).isEqualTo(2);
        }

        SubtaskState read = CheckpointStorage.readSubtaskState(dir, 0, 0);
        assertThat(read.positions().get("s")).containsExactly(9);
        assertThat(read.state().isEmpty()).isTrue();
    }

    @Test
    void whenAnOperatorSnapshotsIntoMemory_thenItsFileCarriesTheVersionedStreams() throws IOException {
        StateBytes state = new StateBytes((byte) 5);
        ValueCodec.writeVarLong(state.keyGroup(17), 1234);
        state.keyGroup(17).writeBoolean(true);
        state.operatorState().writeInt(42);
        try (SubtaskStateFile file = SubtaskStateFile.create(dir, 1, 0, Map.of())) {
            state.snapshot().writeTo(file);
        }

        OperatorStateData read = CheckpointStorage.readSubtaskState(dir, 1, 0).state();
        OperatorStateData inMemory = new OperatorStateData();
        state.snapshot().writeTo(inMemory);
        assertThat(read.keyGroupBytes().get(17)).isEqualTo(inMemory.keyGroupBytes().get(17));
        assertThat(read.operatorStateBytes()).containsExactly(5, 0, 0, 0, 42);
    }

    @Test
    void whenAFileWasWrittenByAnEarlierBuild_thenItStillReads() throws IOException {
        Files.createDirectories(dir);
        try (OutputStream file = Files.newOutputStream(dir.resolve("v3-0.state"));
                DataOutputStream out = new DataOutputStream(file)) {
            out.writeByte(1);
            out.writeInt(0);
            out.writeByte(1);
            out.writeInt(1);
            out.writeInt(8);
            out.writeInt(2);
            out.write(new byte[] {7, 8});
            out.writeBoolean(true);
            out.writeInt(1);
            out.write(new byte[] {6});
        }

        OperatorStateData read = CheckpointStorage.readSubtaskState(dir, 3, 0).state();

        assertThat(read.keyGroupBytes()).containsOnlyKeys(8);
        assertThat(read.keyGroupBytes().get(8)).containsExactly(7, 8);
        assertThat(read.operatorStateBytes()).containsExactly(6);
    }

    @Test
    void whenStateIsSmallerThanABlock_thenTheSizeCountsItBeforeTheFileCloses() throws IOException {
        SubtaskStateFile file = SubtaskStateFile.create(dir, 5, 0, Map.of("split", new byte[] {1, 2, 3}));
        try (file) {
            file.keyGroup(9).write(new byte[100]);
            file.allKeyGroups().write(new byte[20]);
            file.operatorState().writeLong(7);

            assertThat(file.size()).as("positions (name and bytes) and every stream's bytes").isEqualTo(
                    5 + 3 + 100 + 20 + 8);
        }
        assertThat(file.size()).isEqualTo(136);
    }
}
