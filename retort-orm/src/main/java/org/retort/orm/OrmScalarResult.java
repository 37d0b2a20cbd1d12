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
 * (SQLAlchemy's {@code ScalarResult}). The rows are already read, so the result can be read more than once.
 *
 * @param <T> the value type
 */
public final class OrmScalarResult<T> implements Iterable<T> {
    private final List<T> values;

    OrmScalarResult(List<T> values) {
        this.values = values;
    }

    /** {@return the values with duplicates removed (entities by identity, values by equality), in order} */
    public OrmScalarResult<T> unique() {
        Set<Object> seenIds = Collections.newSetFromMap(new IdentityHashMap<>());
        Set<Object> seen = new LinkedHashSet<>();
        List<T> out = new ArrayList<>();
        for (T v : values) {
            boolean entity = v != null && Registry.isMapped(v.getClass());
            if (entity ? seenIds.add(v) : seen.add(v)) {
                out.add(v);
            }
        }
        return new OrmScalarResult<>(out);
    }

    /** {@return every value} */
    public List<T> all() {
        return Collections.unmodifiableList(values);
    }

    /** {@return the values as a stream} */
    public Stream<T> stream() {
        return values.stream();
    }

    @Override
    public Iterator<T> iterator() {
        return all().iterator();
    }

    /** {@return the first value, or null when there is none} */
    public T first() {
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
        if (values.size() > 1) {
            throw new MultipleResultsFound("Multiple rows were found when one or none was required");
        }
        return first();
    }
}
