package org.alliancesearch.portal.common.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One row to insert with {@link RowInserts}: the table and columns it goes into, and its values in the columns' order,
 * as the PostgreSQL client binds them (null for SQL null).
 */
public record RowInsert(Shape shape, List<Object> values) {
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    public RowInsert {
        // A copy: the row is bound later, and its values must be the ones it was made with. Nulls are values here.
        values = Collections.unmodifiableList(new ArrayList<>(values));
        if (values.size() != shape.columns().size()) {
            throw new IllegalArgumentException(shape.table() + ": " + shape.columns().size() + " columns but "
                    + values.size() + " values");
        }
    }

    /** The row of these values, in the columns' order. */
    public static RowInsert of(Shape shape, Object... values) {
        return new RowInsert(shape, Arrays.asList(values));
    }

    /**
     * A table and the columns a row of it sets; a constant of the code, never built from input (its names are written
     * into the statement).
     */
    public record Shape(String table, List<String> columns) {
        public Shape {
            columns = List.copyOf(columns);
            if (!NAME.matcher(table).matches() || columns.isEmpty()
                    || !columns.stream().allMatch(c -> NAME.matcher(c).matches())) {
                throw new IllegalArgumentException("not a plain table and column list: " + table + " " + columns);
            }
        }

        public static Shape of(String table, String... columns) {
            return new Shape(table, List.of(columns));
        }

        /** {@code insert into table (columns) values ($first, ...)}. */
        String insert(int firstParameter) {
            StringBuilder sql = new StringBuilder("insert into ").append(table).append(" (")
                    .append(String.join(", ", columns)).append(") values (");
            for (int i = 0; i < columns.size(); i++) {
                sql.append(i == 0 ? "$" : ", $").append(firstParameter + i);
            }
            return sql.append(')').toString();
        }
    }
}
