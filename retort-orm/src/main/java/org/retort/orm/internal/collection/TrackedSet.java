package org.retort.orm.internal.collection;

import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The {@code Set} the ORM puts into a set relationship field: a {@link LinkedHashSet} that loads on first use and
 * keeps the mirror relationship in sync.
 *
 * @param <E> the member type
 */
public final class TrackedSet<E> extends AbstractSet<E> implements TrackedCollection<E> {
    private final Link link;
    private final LinkedHashSet<E> items;

    TrackedSet(Link link, LinkedHashSet<E> items) {
        this.link = link;
        this.items = items;
    }

    @Override
    public Link link() {
        return link;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void fill(List<?> members) {
        items.clear();
        items.addAll((List<E>) members);
        link.loaded = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void addQuietly(Object member) {
        items.add((E) member);
    }

    @Override
    public void removeQuietly(Object member) {
        items.remove(member);
    }

    @Override
    public int size() {
        ensureLoaded();
        return items.size();
    }

    @Override
    public boolean contains(Object o) {
        ensureLoaded();
        return items.contains(o);
    }

    @Override
    public boolean add(E e) {
        ensureLoaded();
        if (items.add(e)) {
            link.added(e);
            return true;
        }
        return false;
    }

    @Override
    public boolean remove(Object o) {
        ensureLoaded();
        if (items.remove(o)) {
            link.removed(o);
            return true;
        }
        return false;
    }

    @Override
    public Iterator<E> iterator() {
        ensureLoaded();
        Iterator<E> it = items.iterator();
        return new Iterator<>() {
            private E last;

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public E next() {
                last = it.next();
                return last;
            }

            @Override
            public void remove() {
                it.remove();
                link.removed(last);
            }
        };
    }

    @Override
    public String toString() {
        return link.loaded ? items.toString() : "[unloaded " + link.rel.name() + "]";
    }
}
