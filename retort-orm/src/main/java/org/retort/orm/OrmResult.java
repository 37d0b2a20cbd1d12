package org.retort.orm;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.stream.Stream;
import org.retort.exc.ArgumentException;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;
import org.retort.exc.ResourceClosedException;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.internal.mapping.JavaTypes;

/**
 * The rows of an ORM query or of ORM DML with RETURNING (SQLAlchemy's {@code Result} of ORM rows).
 *
 * <p>Usually the rows are read when the statement runs, so the objects are in the identity map before the result
 * is used, and the result can be read any number of times. A query with {@link OrmSelect#yieldPer(int)} gives a
 * <em>streaming</em> result instead: rows are read from the database and turned into objects a batch at a time
 * as the result is iterated ({@link #partitions()}, {@link #iterator()}, {@link #stream()}, {@link #scalars()}),
 * and can be read only once. A streaming result holds an open cursor on the session's connection until its rows
 * run out or it is closed: use it in try-with-resources. {@link #all()}, {@link #one()} and the like read what is
 * left of it at once. Closing a buffered result does nothing.
 */
public final class OrmResult implements Iterable<OrmRow>, AutoCloseable {
    /** The rows; for a one-column result built from {@link #singles} on first use. */
    private List<OrmRow> rows;
    /** For a one-column result, the values themselves, so {@link #scalars()} needs no row objects; else null. */
    private final List<Object> singles;
    private final long rowcount;
    /** For a streaming result: batches of values (one-column) or rows, read lazily; else null. */
    private final Iterator<? extends List<?>> batches;
    /** For a streaming result: closes its cursor. */
    private final AutoCloseable closer;
    /** For a streaming result: rows per batch. */
    private final int batchSize;
    /** For a streaming result: its batches are values, not rows. */
    private final boolean oneColumn;
    /** For a streaming result: a lazy reader took the batches. */
    private boolean taken;

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
        this.batches = null;
        this.closer = null;
        this.batchSize = 0;
        this.oneColumn = false;
    }

    private OrmResult(long rowcount, List<Object> singles) {
        this.singles = singles;
        this.rowcount = rowcount;
        this.batches = null;
        this.closer = null;
        this.batchSize = 0;
        this.oneColumn = false;
    }

    private OrmResult(int batchSize, boolean oneColumn, Iterator<? extends List<?>> batches, AutoCloseable closer) {
        this.singles = null;
        this.rowcount = -1;
        this.batches = batches;
        this.closer = closer;
        this.batchSize = batchSize;
        this.oneColumn = oneColumn;
    }

    /**
     * {@return a streaming result (see the class comment): read once, batch by batch} Made by the ORM's loader for
     * a {@code yieldPer} query; not for application code.
     *
     * @param batchSize the most rows per batch
     * @param oneColumn true when each batch holds the values of a one-column query, false when it holds
     *     {@link OrmRow}s
     * @param batches the batches, each loaded when asked for
     * @param closer closes the cursor
     */
    public static OrmResult streaming(int batchSize, boolean oneColumn, Iterator<? extends List<?>> batches,
            AutoCloseable closer) {
        return new OrmResult(batchSize, oneColumn, batches, closer);
    }

    /** {@return true for a result that loads its rows batch by batch as it is read ({@code yieldPer})} */
    public boolean isStreaming() {
        return batches != null;
    }

    /**
     * Closes a streaming result's cursor (at once, without reading the rest); rows not read yet are not loaded.
     * Safe to call more than once; does nothing for a buffered result. The objects already loaded stay in the
     * session.
     */
    @Override
    public void close() {
        if (closer != null) {
            try {
                closer.close();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The streaming result's batches, for a reader that takes them lazily; only once. */
    private Iterator<? extends List<?>> take() {
        if (taken || rows != null) {
            throw new ResourceClosedException("This yieldPer result was already read: a streaming result gives its "
                    + "rows once. Keep what you need from the first reading, or run the query again");
        }
        taken = true;
        return batches;
    }

    /** A streaming result's batch as rows. */
    @SuppressWarnings("unchecked")
    private List<OrmRow> asRows(List<?> batch) {
        if (!oneColumn) {
            return (List<OrmRow>) batch;
        }
        List<OrmRow> out = new ArrayList<>(batch.size());
        for (Object v : batch) {
            out.add(new OrmRow(new Object[] {v}));
        }
        return out;
    }

    /** A streaming result's batch as the values of its first column. */
    @SuppressWarnings("unchecked")
    private List<Object> asValues(List<?> batch) {
        if (oneColumn) {
            return (List<Object>) batch;
        }
        List<Object> out = new ArrayList<>(batch.size());
        for (Object r : batch) {
            out.add(((OrmRow) r).get(0));
        }
        return out;
    }

    /**
     * The rows in lists of at most the {@code yieldPer} size, each loaded (objects and their selectin
     * relationships) when the iteration reaches it (SQLAlchemy's {@code Result.partitions()}). The objects of a
     * list the program no longer references can be collected.
     *
     * @return the partitions, read once
     * @throws ArgumentException on a buffered result: use {@link #partitions(int)}
     */
    public Iterable<List<OrmRow>> partitions() {
        if (batches == null) {
            throw new ArgumentException("partitions() without a size needs a yieldPer query (select(...).yieldPer(n)); "
                    + "give this buffered result a size: partitions(n)");
        }
        Iterator<? extends List<?>> source = take();
        return once(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public List<OrmRow> next() {
                return Collections.unmodifiableList(asRows(source.next()));
            }
        });
    }

    /**
     * The rows in lists of at most {@code size}: of a buffered result, or re-cut from a streaming one (whose
     * batches still load {@code yieldPer} rows at a time).
     *
     * @param size the most rows per list
     * @return the partitions
     */
    public Iterable<List<OrmRow>> partitions(int size) {
        if (size <= 0) {
            throw new ArgumentException("partition size must be positive, got " + size);
        }
        Iterator<OrmRow> it = iterator();
        return once(chunks(it, size));
    }

    static <E> Iterator<List<E>> chunks(Iterator<E> it, int size) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<E> next() {
                if (!it.hasNext()) {
                    throw new NoSuchElementException();
                }
                List<E> chunk = new ArrayList<>(Math.min(size, 1024));
                while (chunk.size() < size && it.hasNext()) {
                    chunk.add(it.next());
                }
                return Collections.unmodifiableList(chunk);
            }
        };
    }

    /** An Iterable whose iterator can be taken once, as a streaming result's rows can be read once. */
    static <E> Iterable<E> once(Iterator<E> it) {
        boolean[] given = {false};
        return () -> {
            if (given[0]) {
                throw new ResourceClosedException("These partitions were already iterated: a streaming result gives "
                        + "its rows once");
            }
            given[0] = true;
            return it;
        };
    }

    /** The values of the batches one after another. */
    static <E> Iterator<E> flat(Iterator<? extends List<? extends E>> source) {
        return new Iterator<>() {
            private Iterator<? extends E> current = java.util.Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!current.hasNext()) {
                    if (!source.hasNext()) {
                        return false;
                    }
                    current = source.next().iterator();
                }
                return true;
            }

            @Override
            public E next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
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
        if (r == null && batches != null) {
            // a streaming result read whole: what is left of it, at once
            r = new ArrayList<>();
            try {
                while (batches.hasNext()) {
                    r.addAll(asRows(batches.next()));
                }
            } finally {
                close();
            }
            taken = true;
            rows = r;
            return r;
        }
        if (r == null) {
            r = new ArrayList<>(singles.size());
            for (Object v : singles) {
                r.add(new OrmRow(new Object[] {v}));
            }
            rows = r;
        }
        return r;
    }

    /**
     * {@return the number of rows an ORM UPDATE or DELETE matched (-1 when unknown); the row count for a query, -1
     * for a streaming one}
     */
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

    /** {@return the rows as a stream; of a streaming result, loaded batch by batch (closing the stream closes it)} */
    public Stream<OrmRow> stream() {
        if (batches != null && rows == null) {
            return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(iterator(),
                    java.util.Spliterator.ORDERED), false).onClose(this::close);
        }
        return rows().stream();
    }

    /** {@return the rows; of a streaming result, loaded batch by batch as the iteration goes} */
    @Override
    public Iterator<OrmRow> iterator() {
        if (batches != null && rows == null) {
            Iterator<? extends List<?>> source = take();
            return flat(new Iterator<List<OrmRow>>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public List<OrmRow> next() {
                    return asRows(source.next());
                }
            });
        }
        return all().iterator();
    }

    /** {@return the first row, or null; a streaming result loads its first batch only, then closes} */
    public OrmRow first() {
        if (batches != null && rows == null) {
            try {
                Iterator<OrmRow> it = iterator();
                return it.hasNext() ? it.next() : null;
            } finally {
                close();
            }
        }
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
        if (batches != null && rows == null) {
            Iterator<? extends List<?>> source = take();
            return OrmScalarResult.streaming(new Iterator<List<T>>() {
                @Override
                public boolean hasNext() {
                    return source.hasNext();
                }

                @Override
                public List<T> next() {
                    return (List<T>) asValues(source.next());
                }
            }, this);
        }
        if (singles != null) {
            return new OrmScalarResult<>((List<T>) singles);
        }
        List<T> out = new ArrayList<>(rows().size());
        for (OrmRow r : rows()) {
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
