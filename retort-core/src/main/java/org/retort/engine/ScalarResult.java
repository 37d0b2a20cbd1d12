package org.retort.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.retort.exc.MultipleResultsFound;
import org.retort.exc.NoResultFound;

/**
 * One column of each row of a {@link Result} (SQLAlchemy's {@code ScalarResult}).
 *
 * @param <T> the values' type
 */
public final class ScalarResult<T> implements Iterable<T> {
    private final Result result;
    private final int index;
    private final Class<T> type;
    private Set<Object> seen;

    ScalarResult(Result result, int index, Class<T> type) {
        this.result = result;
        this.index = index;
        this.type = type;
    }

    /**
     * Keeps only the first occurrence of each distinct value.
     *
     * @return this result
     */
    public ScalarResult<T> unique() {
        seen = new HashSet<>();
        return this;
    }

    @Override
    public Iterator<T> iterator() {
        Iterator<Row> rows = result.rows();
        return new Iterator<>() {
            private T next;
            private boolean ready;

            @Override
            public boolean hasNext() {
                while (!ready && rows.hasNext()) {
                    T v = rows.next().get(index, type);
                    if (seen == null || seen.add(v)) {
                        next = v;
                        ready = true;
                    }
                }
                return ready;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = false;
                return next;
            }
        };
    }

    /** {@return every remaining value; closes the result} */
    public List<T> all() {
        List<T> out = new ArrayList<>();
        for (T v : this) {
            out.add(v);
        }
        result.close();
        return out;
    }

    /** {@return the values as a stream} */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(result::close);
    }

    /** {@return the first value, or null when there is no row; closes the result} */
    public T first() {
        Iterator<T> it = iterator();
        T v = it.hasNext() ? it.next() : null;
        result.close();
        return v;
    }

    /**
     * Exactly one value.
     *
     * @return the value
     * @throws NoResultFound when there is no row
     * @throws MultipleResultsFound when there are more
     */
    public T one() {
        Iterator<T> it = iterator();
        if (!it.hasNext()) {
            result.close();
            throw new NoResultFound("No row was found when one was required");
        }
        T v = it.next();
        boolean more = it.hasNext();
        result.close();
        if (more) {
            throw new MultipleResultsFound("Multiple rows were found when exactly one was required");
        }
        return v;
    }

    /**
     * At most one value.
     *
     * @return the value, or null
     * @throws MultipleResultsFound when there are more
     */
    public T oneOrNull() {
        Iterator<T> it = iterator();
        T v = it.hasNext() ? it.next() : null;
        boolean more = it.hasNext();
        result.close();
        if (more) {
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        return v;
    }

    /**
     * Up to {@code n} values, for processing in chunks.
     *
     * @param size values per partition
     * @return the partitions
     */
    public Iterable<List<T>> partitions(int size) {
        return () -> new Iterator<>() {
            private final Iterator<T> it = ScalarResult.this.iterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public List<T> next() {
                List<T> chunk = new ArrayList<>(size);
                while (chunk.size() < size && it.hasNext()) {
                    chunk.add(it.next());
                }
                if (chunk.isEmpty()) {
                    throw new NoSuchElementException();
                }
                return chunk;
            }
        };
    }
}
