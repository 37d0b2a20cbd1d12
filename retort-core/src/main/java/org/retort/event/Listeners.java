package org.retort.event;

import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of one event, in registration order; safe to register from any thread while events fire.
 *
 * @param <L> the listener type
 */
final class Listeners<L> {
    private final CopyOnWriteArrayList<L> list = new CopyOnWriteArrayList<>();

    Registration add(L listener) {
        Objects.requireNonNull(listener, "listener");
        list.add(listener);
        return () -> list.remove(listener);
    }

    List<L> all() {
        return Collections.unmodifiableList(list);
    }
}
