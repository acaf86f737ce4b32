package io.weir.differential;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables every differential query reads, generated from fixed seeds (the same rows on every run):
 * <ul>
 *   <li>{@code emp} (1500 rows): employees; duplicate and NULL ids, departments skewed towards 1 and 2, some
 *       departments that {@code dept} does not have, a manager id for self-joins.</li>
 *   <li>{@code dept} (40 rows): departments; duplicate and NULL ids, ids that no employee has.</li>
 *   <li>{@code proj} (900 rows): assignments of employees to projects; {@code (emp_id, dept_id)} mostly agrees
 *       with {@code emp} (for two-column joins), some pairs do not.</li>
 *   <li>{@code nums} (400 rows): one column of every type for scalar functions; {@code k} is a unique
 *       non-NULL key (for total orders), {@code j} is often zero.</li>
 *   <li>{@code empty_t} (no rows) and {@code single_t} (one row), with the columns of {@code nums}.</li>
 * </ul>
 * Apart from {@code nums.k}, every column has NULLs.
 */
final class GeneratedTables {

    private static final List<String> FIRST_NAMES = List.of("alice", "Bob", "carol", "DAVE", "erin", "Frank",
            "grace", "heidi", "Ivan", "judy", "mallory", "oscar", "peggy", "Trent", "victor", "walter");
    private static final List<String> REGIONS = List.of("north", "south", "east", "west");
    private static final List<String> WORDS = List.of("apple", "Banana", "cherry pie", "  padded  ", "date",
            "", "elder_berry", "fig%", "grape", "a", "ABC", "abc", "x-y-z", "lemon lime", "mango", "Nut", "Äpfel", "éclair",
            "Zoë naïve", "it's");
    private static final LocalDate DAY_ZERO = LocalDate.of(2015, 1, 1);
    private static final LocalDateTime TIME_ZERO = LocalDateTime.of(2023, 1, 1, 0, 0);

    private static final List<String> NUMS_COLUMNS = List.of("k INT", "i INT", "j INT", "b BIGINT",
            "d DECIMAL(8, 3)", "e DECIMAL(12, 2)", "x DOUBLE", "y DOUBLE", "s VARCHAR(16)", "t VARCHAR(16)",
            "f BOOLEAN", "g BOOLEAN", "dt DATE", "ts TIMESTAMP(3)");

    private GeneratedTables() {
    }

    static List<TableData> all() {
        List<List<String>> emp = emp();
        return List.of(
                new TableData("emp", List.of("emp_id INT", "dept_id INT", "mgr_id INT", "name VARCHAR(24)",
                        "salary DECIMAL(10, 2)", "bonus DOUBLE", "hours BIGINT", "active BOOLEAN", "hired DATE",
                        "updated TIMESTAMP(3)"), emp),
                new TableData("dept", List.of("dept_id INT", "dname VARCHAR(20)", "budget DECIMAL(12, 2)",
                        "region VARCHAR(10)", "floor_no INT", "opened DATE", "remote BOOLEAN"), dept()),
                new TableData("proj", List.of("proj_id INT", "emp_id INT", "dept_id INT", "hours_spent INT",
                        "rate DECIMAL(6, 2)", "score DOUBLE", "started TIMESTAMP(3)", "due DATE", "done BOOLEAN",
                        "code VARCHAR(12)"), proj(emp)),
                new TableData("nums", NUMS_COLUMNS, nums(400, 4)),
                new TableData("empty_t", NUMS_COLUMNS, List.of()),
                new TableData("single_t", NUMS_COLUMNS, nums(1, 5)));
    }

    private static List<List<String>> emp() {
        RowGenerator gen = new RowGenerator(1);
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < 1500; row++) {
            String empId = row > 0 && row % 50 == 0 ? Integer.toString(row - 7)
                    : gen.percent(1) ? "NULL" : Integer.toString(row + 1);
            rows.add(List.of(empId, skewedDepartment(gen), gen.integer(20, 1, 100), name(gen),
                    gen.decimal(5, 1000, 9999, 2), gen.dyadic(8, -50, 500, 2), gen.bigint(5, 10_000_000_000L),
                    gen.bool(10, 66), gen.date(5, DAY_ZERO, 3650), gen.timestamp(5, TIME_ZERO, 730)));
        }
        return rows;
    }

    /** Department 1 has about a third of the employees, 2 a sixth; 90..95 exist in no {@code dept} row. */
    private static String skewedDepartment(RowGenerator gen) {
        int draw = gen.between(0, 99);
        if (draw < 5) {
            return "NULL";
        } else if (draw < 40) {
            return "1";
        } else if (draw < 55) {
            return "2";
        } else if (draw < 59) {
            return Integer.toString(gen.between(90, 95));
        }
        return Integer.toString(gen.between(3, 30));
    }

    private static String name(RowGenerator gen) {
        if (gen.percent(5)) {
            return "NULL";
        }
        String name = gen.pick(FIRST_NAMES);
        if (gen.percent(10)) {
            name = " " + name + "  ";
        } else if (gen.percent(30)) {
            name = name + " " + gen.between(1, 99);
        }
        return RowGenerator.quote(name);
    }

    private static List<List<String>> dept() {
        RowGenerator gen = new RowGenerator(2);
        List<List<String>> rows = new ArrayList<>();
        for (int id = 1; id <= 40; id++) {
            String deptId;
            if (id <= 32) {
                deptId = Integer.toString(id);
            } else if (id <= 34) {
                deptId = "NULL";
            } else if (id <= 36) {
                deptId = id == 35 ? "3" : "7";
            } else {
                deptId = Integer.toString(id + 3);
            }
            String dname = gen.percent(5) ? "NULL" : RowGenerator.quote("Dept " + (char) ('A' + id % 26) + id);
            rows.add(List.of(deptId, dname, gen.decimal(10, 0, 500_000, 2), gen.string(10, REGIONS),
                    gen.integer(10, 0, 12), gen.date(10, DAY_ZERO.minusYears(10), 3650), gen.bool(10, 30)));
        }
        return rows;
    }

    private static List<List<String>> proj(List<List<String>> emp) {
        RowGenerator gen = new RowGenerator(3);
        List<List<String>> rows = new ArrayList<>();
        for (int row = 0; row < 900; row++) {
            String empId;
            String deptId;
            if (gen.percent(75)) {
                List<String> employee = gen.pick(emp);
                empId = employee.get(0);
                deptId = gen.percent(90) ? employee.get(1) : gen.integer(5, 1, 40);
            } else {
                empId = gen.integer(10, 1, 1700);
                deptId = gen.integer(10, 1, 40);
            }
            String code = gen.percent(6) ? "NULL"
                    : RowGenerator.quote(gen.pick(List.of("PX", "QA", "RD", "px")) + "-" + gen.between(1, 40));
            rows.add(List.of(gen.integer(3, 1, 120), empId, deptId, gen.integer(5, 0, 200),
                    gen.decimal(5, 10, 250, 2), gen.dyadic(5, 0, 100, 3),
                    gen.timestamp(5, TIME_ZERO, 365), gen.date(5, DAY_ZERO.plusYears(8), 1000), gen.bool(5, 40),
                    code));
        }
        return rows;
    }

    private static List<List<String>> nums(int count, long seed) {
        RowGenerator gen = new RowGenerator(seed);
        List<List<String>> rows = new ArrayList<>();
        for (int k = 1; k <= count; k++) {
            rows.add(List.of(Integer.toString(k), gen.integer(8, -50, 50), gen.integer(8, 0, 5),
                    gen.bigint(8, 5_000_000_000L), gen.decimal(8, -9999, 9999, 3), gen.decimal(8, -99, 999, 2),
                    gen.dyadic(8, -1000, 1000, 3), gen.dyadic(8, 0, 50, 1), gen.string(8, WORDS),
                    gen.string(8, WORDS), gen.bool(10, 50), gen.bool(10, 50),
                    gen.date(8, DAY_ZERO, 4000), gen.timestamp(8, TIME_ZERO, 900)));
        }
        return rows;
    }
}
