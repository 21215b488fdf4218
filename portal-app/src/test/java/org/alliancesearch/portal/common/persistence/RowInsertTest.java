package org.alliancesearch.portal.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * A row keeps the values it was made with, nulls included, whatever its maker does with them afterwards (the refusals
 * are in {@link RowInsertsTest}).
 */
class RowInsertTest {
    private static final RowInsert.Shape SHAPE = RowInsert.Shape.of("t_a", "x", "y");

    @Test
    void aRowKeepsItsValuesWhenTheListItWasMadeFromChanges() {
        List<Object> values = new ArrayList<>(Arrays.asList("first", null));
        RowInsert row = new RowInsert(SHAPE, values);
        values.set(0, "changed");
        values.add("third");

        assertThat(row.values()).containsExactly("first", null);
        assertThatThrownBy(() -> row.values().set(0, "x")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aRowKeepsItsValuesWhenTheArrayItWasMadeFromChanges() {
        Object[] values = {1, "two"};
        RowInsert row = RowInsert.of(SHAPE, values);
        values[1] = "changed";

        assertThat(row.values()).containsExactly(1, "two");
    }
}
