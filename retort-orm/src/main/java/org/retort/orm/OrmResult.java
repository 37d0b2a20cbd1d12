package org.retort.orm;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.retort.exc.ArgumentException;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.internal.mapping.JavaTypes;

/**
 * The rows of an ORM query or of ORM DML with RETURNING (SQLAlchemy's {@code Result} of ORM rows). Rows are read
 * when the statement runs, so the objects are in the identity map before the result is used.
 */
public final class OrmResult implements Iterable<OrmRow> {
    /** The rows; for a one-column result built from {@link #singles} on first use. */
    private List<OrmRow> rows;
    /** For a one-column result, the values themselves, so {@link #scalars()} needs no row objects; else null. */
    private final List<Object> singles;
    private final long rowcount;

    /**
     * A result of rows.
     *
     * @param rows the rows
     * @param rowcount the row count to report
     */
    public OrmResult(List<OrmRow> rows, long rowcount) {
        this.rows = rows;
        this.singles = null;
        this.rowcount = rowcount;
    }

    private OrmResult(long rowcount, List<Object> singles) {
        this.singles = singles;
        this.rowcount = rowcount;
    }

    /**
     * {@return a result whose rows have one column each, holding these values}
     *
     * @param values the values
     * @param rowcount the row count to report
     */
    public static OrmResult ofSingles(List<Object> values, long rowcount) {
        return new OrmResult(rowcount, values);
    }

    private List<OrmRow> rows() {
        List<OrmRow> r = rows;
        if (r == null) {
            r = new ArrayList<>(singles.size());
            for (Object v : singles) {
                r.add(new OrmRow(new Object[] {v}));
            }
            rows = r;
        }
        return r;
    }

    /** {@return the number of rows an ORM UPDATE or DELETE matched (-1 when unknown); the row count for a query} */
    public long rowcount() {
        return rowcount;
    }

    /** {@return the rows with duplicates removed (entities compare by identity), in order} */
    public OrmResult unique() {
        Set<OrmRow> seen = new LinkedHashSet<>(rows());
        return new OrmResult(new ArrayList<>(seen), rowcount);
    }

    /** {@return every row} */
    public List<OrmRow> all() {
        return Collections.unmodifiableList(rows());
    }

    /** {@return the rows as a stream} */
    public Stream<OrmRow> stream() {
        return rows().stream();
    }

    @Override
    public Iterator<OrmRow> iterator() {
        return all().iterator();
    }

    /** {@return the first row, or null} */
    public OrmRow first() {
        return rows().isEmpty() ? null : rows().get(0);
    }

    /** {@return the only row @throws NoResultFound when none @throws MultipleResultsFound when several} */
    public OrmRow one() {
        if (rows().isEmpty()) {
            throw new NoResultFound("No row was found when one was required");
        }
        if (rows().size() > 1) {
            throw new MultipleResultsFound("Multiple rows were found when exactly one was required");
        }
        return rows().get(0);
    }

    /** {@return the only row, or null @throws MultipleResultsFound when several} */
    public OrmRow oneOrNull() {
        if (rows().size() > 1) {
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        return first();
    }

    /**
     * The first column of each row.
     *
     * @param <T> its type
     * @return the values
     */
    @SuppressWarnings("unchecked")
    public <T> OrmScalarResult<T> scalars() {
        if (singles != null) {
            return new OrmScalarResult<>((List<T>) singles);
        }
        List<T> out = new ArrayList<>(rows.size());
        for (OrmRow r : rows) {
            out.add((T) r.get(0));
        }
        return new OrmScalarResult<>(out);
    }

    /**
     * Each row as a record: components take the row's values in order, or, when the row is a single entity, the
     * entity's attributes of the same names.
     *
     * <pre>{@code
     * record UserName(Long id, String name) {}
     * session.execute(select(User_.id, User_.name)).into(UserName.class)
     * }</pre>
     *
     * @param recordClass the record class
     * @param <R> the record type
     * @return the records
     */
    public <R extends Record> List<R> into(Class<R> recordClass) {
        RecordComponent[] comps = recordClass.getRecordComponents();
        Constructor<R> ctor;
        try {
            ctor = recordClass.getDeclaredConstructor(java.util.Arrays.stream(comps).map(RecordComponent::getType)
                    .toArray(Class<?>[]::new));
            ctor.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ArgumentException("Cannot use the canonical constructor of " + recordClass.getName() + ": " + e);
        }
        List<R> out = new ArrayList<>(rows().size());
        for (OrmRow r : rows()) {
            Object[] args = new Object[comps.length];
            Object single = r.size() == 1 ? r.get(0) : null;
            if (single != null && Registry.isMapped(single.getClass())) {
                Mapper<?> m = Registry.published(single.getClass());
                for (int i = 0; i < comps.length; i++) {
                    ColumnProperty p = m.property(comps[i].getName());
                    args[i] = JavaTypes.convert(p.get(single), comps[i].getType(), comps[i]);
                }
            } else {
                if (r.size() != comps.length) {
                    throw new ArgumentException("Rows have " + r.size() + " columns but record " + recordClass.getSimpleName()
                            + " has " + comps.length + " components");
                }
                for (int i = 0; i < comps.length; i++) {
                    args[i] = JavaTypes.convert(r.get(i), comps[i].getType(), comps[i]);
                }
            }
            try {
                out.add(ctor.newInstance(args));
            } catch (ReflectiveOperationException e) {
                throw new ArgumentException("Cannot make " + recordClass.getSimpleName() + " from " + r + ": " + e);
            }
        }
        return out;
    }
}
