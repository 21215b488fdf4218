package org.alliancesearch.portal.common.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Inserts rows that are written on every search in one statement: one round trip, and no transaction to begin and
 * commit, since PostgreSQL runs a statement whole or not at all. Rows of several tables that belong together are
 * inserted by one statement ({@code with row1 as (insert ...) insert ...}). The entities stay the way these rows are
 * read; this is for the writes where persisting the entity cost more than the row itself.
 */
@ApplicationScoped
public class RowInserts {
    private final Pool pool;
    private final Map<List<RowInsert.Shape>, String> statements = new ConcurrentHashMap<>();

    public RowInserts(Pool pool) {
        this.pool = pool;
    }

    /** Inserts every row, all or none. */
    public Uni<Void> insert(List<RowInsert> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<RowInsert.Shape> shapes = new ArrayList<>(rows.size());
        List<Object> values = new ArrayList<>();
        for (RowInsert row : rows) {
            shapes.add(row.shape());
            values.addAll(row.values());
        }
        String sql = statements.computeIfAbsent(shapes, RowInserts::statement);
        return pool.preparedQuery(sql).execute(Tuple.from(values)).replaceWithVoid();
    }

    /** One insert, or data-modifying common table expressions before the last insert. */
    static String statement(List<RowInsert.Shape> shapes) {
        StringBuilder sql = new StringBuilder();
        int parameter = 1;
        for (int i = 0; i < shapes.size(); i++) {
            RowInsert.Shape shape = shapes.get(i);
            boolean last = i == shapes.size() - 1;
            if (!last) {
                sql.append(i == 0 ? "with " : ", ").append("row").append(i + 1).append(" as (")
                        .append(shape.insert(parameter)).append(')');
            } else {
                sql.append(i == 0 ? "" : " ").append(shape.insert(parameter));
            }
            parameter += shape.columns().size();
        }
        return sql.toString();
    }
}
