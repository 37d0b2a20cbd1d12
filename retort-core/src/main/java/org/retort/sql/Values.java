package org.retort.sql;

import java.util.ArrayList;
import java.util.List;
import org.retort.exc.ArgumentException;
import org.retort.sql.internal.Coercions;

/**
 * A VALUES list used as a table: {@code (VALUES (1, 'a'), (2, 'b')) AS name (id, label)}
 * (SQLAlchemy's {@code values()}). Every value is a bind parameter.
 *
 * @param columnNames the column names
 * @param rows the rows, each one expression per column
 * @param name the alias
 */
public record Values(List<String> columnNames, List<List<Expression<?>>> rows, String name) implements FromClause {

    /**
     * Creates a VALUES list.
     *
     * @param columnNames names
     * @param rows rows
     * @param name alias
     */
    public Values {
        columnNames = List.copyOf(columnNames);
        rows = rows.stream().map(List::copyOf).toList();
        if (name == null) {
            throw new ArgumentException("values() needs a name, for example values(\"v\", \"id\", \"label\")");
        }
    }

    /**
     * Adds rows of plain values.
     *
     * @param data the rows, each with one value per column
     * @return the new VALUES list
     */
    public Values data(List<? extends List<?>> data) {
        List<List<Expression<?>>> r = new ArrayList<>(rows);
        for (List<?> row : data) {
            if (row.size() != columnNames.size()) {
                throw new ArgumentException("values() row " + row + " has " + row.size() + " items for the "
                        + columnNames.size() + " columns " + columnNames);
            }
            List<Expression<?>> exprs = new ArrayList<>();
            for (int i = 0; i < row.size(); i++) {
                exprs.add(Coercions.literal(columnNames.get(i), row.get(i)));
            }
            r.add(exprs);
        }
        return new Values(columnNames, r, name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public DerivedColumn<Object> c(String columnName) {
        int i = columnNames.indexOf(columnName);
        if (i < 0) {
            throw new ArgumentException("values() " + name + " has no column '" + columnName + "'; its columns are "
                    + columnNames);
        }
        org.retort.types.SqlType<?> type = rows.isEmpty() ? org.retort.types.NullType.INSTANCE : rows.get(0).get(i).type();
        return new DerivedColumn<>(this, columnName, (org.retort.types.SqlType<Object>) type);
    }

    @Override
    public List<DerivedColumn<?>> columns() {
        return columnNames.stream().<DerivedColumn<?>>map(this::c).toList();
    }
}
