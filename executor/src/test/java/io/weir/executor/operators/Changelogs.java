package io.weir.executor.operators;

import static org.assertj.core.api.Assertions.assertThat;

import io.weir.executor.data.RowKind;
import io.weir.executor.operators.window.KeyedSubtasks;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The changelogs operators emit, as text, and the tables they leave, for tests of updating operators. */
public final class Changelogs {

    private Changelogs() {
    }

    /** Each row an operator emitted, in order, as its kind followed by its values, e.g. {@code -U[k1, 2]}. */
    public static List<String> changelog(OperatorTestHarness h) {
        List<String> lines = new ArrayList<>();
        List<List<Object>> rows = h.rows();
        List<RowKind> kinds = h.rowKinds();
        for (int i = 0; i < rows.size(); i++) {
            lines.add(kinds.get(i).shortString() + rows.get(i));
        }
        return lines;
    }

    /** The changelogs of every subtask, one after another. */
    public static List<String> changelog(KeyedSubtasks... runs) {
        List<String> lines = new ArrayList<>();
        for (KeyedSubtasks run : runs) {
            run.harnesses.forEach(h -> lines.addAll(changelog(h)));
        }
        return lines;
    }

    /**
     * The table a changelog leaves: {@code +I}/{@code +U} add a row, {@code -U}/{@code -D} remove one that must be
     * there (an update of a row never emitted would be a bug).
     */
    public static Map<String, Integer> materialize(List<String> changelog) {
        Map<String, Integer> table = new HashMap<>();
        for (String line : changelog) {
            String row = line.substring(2);
            if (line.startsWith("+")) {
                table.merge(row, 1, Integer::sum);
            } else {
                assertThat(table).as("retracted row %s is in the table", row).containsKey(row);
                table.compute(row, (r, n) -> n == 1 ? null : n - 1);
            }
        }
        return table;
    }
}
