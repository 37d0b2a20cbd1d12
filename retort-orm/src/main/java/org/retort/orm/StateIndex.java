package org.retort.orm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A session's objects by object identity (object to {@link InstanceState}).
 *
 * <p>States loaded from rows are appended to a list and enter the identity-hash index only when something first
 * looks an object up ({@code add}, {@code inspect}, {@code delete}, ...). A session that loads many objects and
 * only reads them, or flushes them by iterating, never hashes them. Iteration visits every state either way.
 */
final class StateIndex implements Iterable<InstanceState> {
    private IdentityHashMap<Object, InstanceState> index = new IdentityHashMap<>();
    private final ArrayList<InstanceState> unindexed = new ArrayList<>();

    /** Makes room for {@code more} objects at once, so that adding many does not grow the index step by step. */
    void reserve(int more) {
        if (more > 64) {
            index();
            IdentityHashMap<Object, InstanceState> bigger = new IdentityHashMap<>(index.size() + more);
            bigger.putAll(index);
            index = bigger;
        }
    }

    /** Adds the state of an object just loaded from a row; the caller guarantees the object is not yet here. */
    void addLoaded(InstanceState st) {
        unindexed.add(st);
    }

    /** Adds or replaces the state of its object. */
    void put(InstanceState st) {
        index();
        index.put(st.object(), st);
    }

    /** {@return the state of the object, or null when the object is not in the session} */
    InstanceState get(Object object) {
        index();
        return index.get(object);
    }

    /** {@return true when the object is in the session} */
    boolean contains(Object object) {
        return get(object) != null;
    }

    /** Removes the object's state, if it has one. */
    void remove(Object object) {
        index();
        index.remove(object);
    }

    /** {@return the number of objects} */
    int size() {
        return index.size() + unindexed.size();
    }

    /** Removes every state. */
    void clear() {
        index.clear();
        unindexed.clear();
    }

    /** {@return a copy of every state, safe to iterate while the index changes} */
    List<InstanceState> snapshot() {
        List<InstanceState> out = new ArrayList<>(size());
        for (InstanceState st : this) {
            out.add(st);
        }
        return out;
    }

    @Override
    public Iterator<InstanceState> iterator() {
        Iterator<InstanceState> indexed = index.values().iterator();
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return indexed.hasNext() || next < unindexed.size();
            }

            @Override
            public InstanceState next() {
                if (indexed.hasNext()) {
                    return indexed.next();
                }
                if (next >= unindexed.size()) {
                    throw new NoSuchElementException();
                }
                return unindexed.get(next++);
            }
        };
    }

    private void index() {
        if (!unindexed.isEmpty()) {
            for (InstanceState st : unindexed) {
                index.put(st.object(), st);
            }
            unindexed.clear();
        }
    }
}
