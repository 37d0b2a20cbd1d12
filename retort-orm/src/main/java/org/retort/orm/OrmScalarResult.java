package org.retort.orm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;

/**
 * The first column of each row of an ORM query: entities for {@code select(User.class)}, values for a column
 * (SQLAlchemy's {@code ScalarResult}). Usually the rows are already read, so the result can be read more than
 * once. The scalars of a {@code yieldPer} query stream instead, as their {@link OrmResult} does: read once, batch
 * by batch ({@link #partitions()}, {@link #iterator()}, {@link #stream()}), the cursor open until the values run
 * out or the result is closed (try-with-resources); {@link #all()} and the like read what is left at once.
 *
 * @param <T> the value type
 */
public final class OrmScalarResult<T> implements Iterable<T>, AutoCloseable {
    private List<T> values;
    /** For a streaming result: the batches, read lazily; else null. */
    private final Iterator<List<T>> batches;
    /** For a streaming result: the result whose cursor to close. */
    private final OrmResult owner;
    private boolean taken;

    OrmScalarResult(List<T> values) {
        this.values = values;
        this.batches = null;
        this.owner = null;
    }

    private OrmScalarResult(Iterator<List<T>> batches, OrmResult owner) {
        this.batches = batches;
        this.owner = owner;
    }

    static <T> OrmScalarResult<T> streaming(Iterator<List<T>> batches, OrmResult owner) {
        return new OrmScalarResult<>(batches, owner);
    }

    /** {@return true for values that load batch by batch as they are read ({@code yieldPer})} */
    public boolean isStreaming() {
        return batches != null;
    }

    /** Closes a streaming result's cursor without reading the rest; does nothing for a buffered one. */
    @Override
    public void close() {
        if (owner != null) {
            owner.close();
        }
    }

    private Iterator<List<T>> take() {
        if (taken || values != null) {
            throw new org.retort.exc.ResourceClosedException("These yieldPer scalars were already read: a streaming "
                    + "result gives its values once. Keep what you need from the first reading, or run the query again");
        }
        taken = true;
        return batches;
    }

    private boolean lazy() {
        return batches != null && values == null;
    }

    /** What is left of a streaming result, read at once; the values of a buffered one. */
    private List<T> values() {
        if (values == null) {
            List<T> out = new ArrayList<>();
            try {
                while (batches.hasNext()) {
                    out.addAll(batches.next());
                }
            } finally {
                close();
            }
            taken = true;
            values = out;
        }
        return values;
    }

    /**
     * The values in lists of at most the {@code yieldPer} size, each loaded (objects and their selectin
     * relationships) when the iteration reaches it (SQLAlchemy's {@code ScalarResult.partitions()}). The objects
     * of a list the program no longer references can be collected.
     *
     * <pre>{@code
     * try (OrmScalarResult<User> users = session.execute(select(User.class).yieldPer(1000)).scalars()) {
     *     for (List<User> batch : users.partitions()) { ... }
     * }
     * }</pre>
     *
     * @return the partitions, read once
     * @throws org.retort.exc.ArgumentException on buffered values: use {@link #partitions(int)}
     */
    public Iterable<List<T>> partitions() {
        if (batches == null) {
            throw new org.retort.exc.ArgumentException("partitions() without a size needs a yieldPer query "
                    + "(select(...).yieldPer(n)); give these buffered values a size: partitions(n)");
        }
        Iterator<List<T>> source = take();
        return OrmResult.once(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return source.hasNext();
            }

            @Override
            public List<T> next() {
                return Collections.unmodifiableList(source.next());
            }
        });
    }

    /**
     * The values in lists of at most {@code size}: of buffered values, or re-cut from streaming ones.
     *
     * @param size the most values per list
     * @return the partitions
     */
    public Iterable<List<T>> partitions(int size) {
        if (size <= 0) {
            throw new org.retort.exc.ArgumentException("partition size must be positive, got " + size);
        }
        return OrmResult.once(OrmResult.chunks(iterator(), size));
    }

    /** {@return the values with duplicates removed (entities by identity, values by equality), in order} */
    public OrmScalarResult<T> unique() {
        Set<Object> seenIds = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> seen = new LinkedHashSet<>();
        List<T> out = new ArrayList<>();
        for (T v : values()) {
            boolean entity = v != null && Registry.isMapped(v.getClass());
            if (entity ? seenIds.add(v) : seen.add(v)) {
                out.add(v);
            }
        }
        return new OrmScalarResult<>(out);
    }

    /** {@return every value; of a streaming result, what is left of it, read at once} */
    public List<T> all() {
        return Collections.unmodifiableList(values());
    }

    /** {@return the values as a stream; of a streaming result, loaded batch by batch (closing the stream closes it)} */
    public Stream<T> stream() {
        if (lazy()) {
            return java.util.stream.StreamSupport.stream(java.util.Spliterators.spliteratorUnknownSize(iterator(),
                    java.util.Spliterator.ORDERED), false).onClose(this::close);
        }
        return values().stream();
    }

    /** {@return the values; of a streaming result, loaded batch by batch as the iteration goes} */
    @Override
    public Iterator<T> iterator() {
        if (lazy()) {
            return OrmResult.flat(take());
        }
        return all().iterator();
    }

    /** {@return the first value, or null when there is none; a streaming result reads one batch, then closes} */
    public T first() {
        if (lazy()) {
            try {
                Iterator<T> it = iterator();
                return it.hasNext() ? it.next() : null;
            } finally {
                close();
            }
        }
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * Exactly one value.
     *
     * @return the value
     * @throws NoResultFound when there is none
     * @throws MultipleResultsFound when there are several
     */
    public T one() {
        List<T> values = values();
        if (values.isEmpty()) {
            throw new NoResultFound("No row was found when one was required");
        }
        if (values.size() > 1) {
            throw new MultipleResultsFound("Multiple rows were found when exactly one was required");
        }
        return values.get(0);
    }

    /**
     * At most one value.
     *
     * @return the value, or null
     * @throws MultipleResultsFound when there are several
     */
    public T oneOrNull() {
        List<T> values = values();
        if (values.size() > 1) {
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        return first();
    }
}
