package io.weir.executor.operators.sort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntSorterTest {

    @Test
    void whenSortingRandomArraysOfManySizes_thenTheResultEqualsArraysSort() {
        Random random = new Random(5);
        for (int size : new int[] {0, 1, 2, 15, 16, 17, 100, 1_000, 10_000}) {
            int[] values = random.ints(size, -50, 50).toArray();
            int[] expected = values.clone();
            Arrays.sort(expected);

            IntSorter.sort(values, size, Integer::compare);

            assertThat(values).as("size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void whenKeysTie_thenTheSortIsStable() {
        Random random = new Random(9);
        int size = 5_000;
        int[] keys = random.ints(size, 0, 20).toArray();
        int[] rows = new int[size];
        for (int i = 0; i < size; i++) {
            rows[i] = i;
        }

        IntSorter.sort(rows, size, (a, b) -> Integer.compare(keys[a], keys[b]));

        for (int i = 1; i < size; i++) {
            int previous = rows[i - 1];
            int current = rows[i];
            assertThat(keys[previous] < keys[current] || (keys[previous] == keys[current] && previous < current))
                    .as("position %d", i).isTrue();
        }
    }

    @Test
    void whenSortingAPrefix_thenTheRestIsUntouched() {
        int[] values = {5, 4, 3, 2, 1};

        IntSorter.sort(values, 3, Integer::compare);

        assertThat(values).containsExactly(3, 4, 5, 2, 1);
    }
}
