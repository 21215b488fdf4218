package org.alliancesearch.portal.common.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.Column;

import org.alliancesearch.portal.history.persistence.HistoryEntry;
import org.alliancesearch.portal.searchaudit.persistence.SearchAuditEntry;
import org.alliancesearch.portal.testsupport.Db;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The rows the search writes without its entities: each entity's row sets every column the entity maps, each value
 * lands in its own column, and rows written together are written all or none.
 */
@QuarkusTest
class RowInsertsTest {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    RowInserts inserts;

    @Test
    void anEntitysRowSetsEveryColumnItMapsInTheOrderOfItsFields() {
        assertThat(SearchAuditEntry.COLUMNS.columns()).isEqualTo(mappedColumns(SearchAuditEntry.class));
        assertThat(HistoryEntry.COLUMNS.columns()).isEqualTo(mappedColumns(HistoryEntry.class));
    }

    @Test
    void eachValueIsReadBackFromItsOwnColumn() throws Exception {
        SearchAuditEntry audit = filled(new SearchAuditEntry(), 1);
        SearchAuditEntry sparse = filled(new SearchAuditEntry(), 40);
        sparse.organisation = null;
        sparse.savedSearchId = null;
        sparse.valueList = null;
        HistoryEntry entry = filled(new HistoryEntry(), 80);
        inserts.insert(List.of(audit.row(), sparse.row(), entry.row())).await().atMost(WAIT);

        assertStored(audit, "search_audit");
        assertStored(sparse, "search_audit");
        assertStored(entry, "search_history");
    }

    @Test
    void rowsWrittenTogetherAreWrittenAllOrNone() throws Exception {
        SearchAuditEntry first = filled(new SearchAuditEntry(), 120);
        inserts.insert(List.of(first.row())).await().atMost(WAIT);
        SearchAuditEntry audit = filled(new SearchAuditEntry(), 160);
        HistoryEntry entry = filled(new HistoryEntry(), 200);
        SearchAuditEntry again = filled(new SearchAuditEntry(), 240);
        again.id = first.id; // the primary key refuses the last row of the statement

        assertThatThrownBy(() -> inserts.insert(List.of(audit.row(), entry.row(), again.row())).await().atMost(WAIT))
                .hasMessageContaining("search_audit_pkey");
        assertThat(Db.rows("select id from search_audit where id = ?", audit.id)).isEmpty();
        assertThat(Db.rows("select id from search_history where id = ?", entry.id)).isEmpty();
    }

    @Test
    void theStatementNumbersEveryRowsParametersOnAfterTheRowBefore() {
        RowInsert.Shape a = RowInsert.Shape.of("t_a", "x", "y");
        RowInsert.Shape b = RowInsert.Shape.of("t_b", "z");
        assertThat(RowInserts.statement(List.of(a))).isEqualTo("insert into t_a (x, y) values ($1, $2)");
        assertThat(RowInserts.statement(List.of(a, b, a))).isEqualTo("with row1 as (insert into t_a (x, y) values"
                + " ($1, $2)), row2 as (insert into t_b (z) values ($3)) insert into t_a (x, y) values ($4, $5)");
    }

    @Test
    void namesAndValuesThatDoNotFitAreRefused() {
        assertThatThrownBy(() -> RowInsert.Shape.of("search_audit; drop table x", "id"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowInsert.Shape.of("search_audit", "id\"")).isInstanceOf(
                IllegalArgumentException.class);
        assertThatThrownBy(() -> RowInsert.of(RowInsert.Shape.of("t", "a", "b"), 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns but 1 values");
    }

    /** Column names as Hibernate maps the entity's fields: the {@code @Column} name, else the field's name. */
    private static List<String> mappedColumns(Class<?> entity) {
        List<String> columns = new ArrayList<>();
        for (Field f : persistent(entity)) {
            Column column = f.getAnnotation(Column.class);
            columns.add(column != null && !column.name().isEmpty() ? column.name() : f.getName());
        }
        return columns;
    }

    private static List<Field> persistent(Class<?> entity) {
        List<Field> fields = java.util.Arrays.stream(entity.getDeclaredFields())
                .filter(f -> !Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())
                        && !f.isSynthetic() && !f.getName().startsWith("$$_hibernate"))
                .toList();
        // Quarkus turns an entity's public fields into protected ones behind generated accessors
        fields.forEach(f -> f.setAccessible(true));
        return fields;
    }

    /** Every field a value of its own, told apart from every other field's. */
    private static <T> T filled(T entity, int seed) throws IllegalAccessException {
        int n = seed;
        for (Field f : persistent(entity.getClass())) {
            n++;
            Class<?> type = f.getType();
            if (type == UUID.class) {
                f.set(entity, UUID.randomUUID());
            } else if (type == OffsetDateTime.class) {
                f.set(entity, OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS).minusMinutes(n));
            } else if (type == String.class) {
                f.set(entity, "v" + n);
            } else if (type == int.class) {
                f.setInt(entity, n);
            } else {
                throw new IllegalStateException("a field of a type this test does not fill: " + f);
            }
        }
        return entity;
    }

    private static void assertStored(Object entity, String table) throws Exception {
        Field idField = entity.getClass().getDeclaredField("id");
        idField.setAccessible(true);
        List<Field> fields = persistent(entity.getClass());
        List<String> columns = mappedColumns(entity.getClass());
        try (Connection c = Db.connect();
                PreparedStatement ps = c.prepareStatement("select * from " + table + " where id = ?")) {
            ps.setObject(1, idField.get(entity));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("row of %s", entity).isTrue();
                for (int i = 0; i < fields.size(); i++) {
                    Field f = fields.get(i);
                    Class<?> type = f.getType() == int.class ? Integer.class : f.getType();
                    Object stored = rs.getObject(columns.get(i), type);
                    Object expected = f.get(entity);
                    if (expected instanceof OffsetDateTime at) {
                        assertThat(((OffsetDateTime) stored).toInstant()).as(f.getName()).isEqualTo(at.toInstant());
                    } else {
                        assertThat(stored).as(f.getName()).isEqualTo(expected);
                    }
                }
            }
        }
    }
}
