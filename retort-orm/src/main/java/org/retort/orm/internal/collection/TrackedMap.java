package org.retort.orm.internal.collection;

import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The {@code Map} the ORM puts into a map relationship field: members keyed by an attribute of the target
 * ({@code mapKey}), loaded on first use, the mirror relationship kept in sync.
 *
 * @param <K> the key type
 * @param <V> the member type
 */
public final class TrackedMap<K, V> extends AbstractMap<K, V> implements TrackedCollection<V> {
    private final Link link;
    private final LinkedHashMap<K, V> items;

    TrackedMap(Link link, LinkedHashMap<K, V> items) {
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
        for (Object o : members) {
            items.put((K) link.rel.mapKey().get(o), (V) o);
        }
        link.loaded = true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void addQuietly(Object member) {
        items.put((K) link.rel.mapKey().get(member), (V) member);
    }

    @Override
    public void removeQuietly(Object member) {
        items.values().removeIf(o -> o == member);
    }

    @Override
    public V get(Object key) {
        ensureLoaded();
        return items.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        ensureLoaded();
        return items.containsKey(key);
    }

    @Override
    public V put(K key, V value) {
        ensureLoaded();
        V old = items.put(key, value);
        if (old != value) {
            link.removed(old);
            link.added(value);
        }
        return old;
    }

    @Override
    public V remove(Object key) {
        ensureLoaded();
        V old = items.remove(key);
        link.removed(old);
        return old;
    }

    @Override
    public int size() {
        ensureLoaded();
        return items.size();
    }

    @Override
    public Set<Entry<K, V>> entrySet() {
        ensureLoaded();
        return java.util.Collections.unmodifiableMap(items).entrySet();
    }

    @Override
    public Collection<V> values() {
        ensureLoaded();
        return java.util.Collections.unmodifiableCollection(items.values());
    }

    @Override
    public String toString() {
        return link.loaded ? items.toString() : "{unloaded " + link.rel.name() + "}";
    }
}
