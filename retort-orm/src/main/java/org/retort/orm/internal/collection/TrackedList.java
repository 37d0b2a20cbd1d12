package org.retort.orm.internal.collection;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

/**
 * The {@code List} the ORM puts into a list relationship field: an {@link ArrayList} that loads on first use and
 * keeps the mirror relationship in sync.
 *
 * @param <E> the member type
 */
public final class TrackedList<E> extends AbstractList<E> implements TrackedCollection<E>, RandomAccess {
    private final Link link;
    private final ArrayList<E> items;

    TrackedList(Link link, ArrayList<E> items) {
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
        if (!TrackedCollection.containsSame(items, member)) {
            items.add((E) member);
        }
    }

    @Override
    public void removeQuietly(Object member) {
        items.removeIf(o -> o == member);
    }

    @Override
    public Object[] toArray() {
        ensureLoaded();
        return items.toArray();
    }

    @Override
    public E get(int index) {
        ensureLoaded();
        return items.get(index);
    }

    @Override
    public int size() {
        ensureLoaded();
        return items.size();
    }

    @Override
    public E set(int index, E element) {
        ensureLoaded();
        E old = items.set(index, element);
        if (old != element) {
            link.removed(old);
            link.added(element);
        }
        return old;
    }

    @Override
    public void add(int index, E element) {
        ensureLoaded();
        items.add(index, element);
        modCount++;
        link.added(element);
    }

    @Override
    public E remove(int index) {
        ensureLoaded();
        E old = items.remove(index);
        modCount++;
        link.removed(old);
        return old;
    }

    @Override
    public String toString() {
        return link.loaded ? items.toString() : "[unloaded " + link.rel.name() + "]";
    }
}
