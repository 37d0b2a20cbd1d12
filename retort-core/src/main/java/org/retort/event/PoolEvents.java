package org.retort.event;

import java.sql.Connection;
import org.retort.pool.PoolListener;

/**
 * The pool events of an engine (SQLAlchemy's {@code PoolEvents}): register with the {@code on*} methods.
 *
 * <pre>{@code
 * engine.events().pool().onConnect(raw -> raw.createStatement().execute("SET search_path TO app"));
 * }</pre>
 *
 * <p>The engine hands this object to its pool, which calls the {@link PoolListener} methods; a listener that
 * throws makes the pool operation fail.
 */
public final class PoolEvents implements PoolListener {
    /** Creates an empty registry; each engine has one for its pool, {@link EngineEvents#pool()}. */
    public PoolEvents() {
    }

    private final Listeners<PoolConnectionListener> connect = new Listeners<>();
    private final Listeners<PoolConnectionListener> checkout = new Listeners<>();
    private final Listeners<PoolConnectionListener> checkin = new Listeners<>();
    private final Listeners<PoolInvalidateListener> invalidate = new Listeners<>();

    /**
     * Listens for new physical connections, e.g. to run session setup once per connection.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onConnect(PoolConnectionListener listener) {
        return connect.add(listener);
    }

    /**
     * Listens for checkouts.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onCheckout(PoolConnectionListener listener) {
        return checkout.add(listener);
    }

    /**
     * Listens for checkins.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onCheckin(PoolConnectionListener listener) {
        return checkin.add(listener);
    }

    /**
     * Listens for connections the pool discards.
     *
     * @param listener the listener
     * @return its registration
     */
    public Registration onInvalidate(PoolInvalidateListener listener) {
        return invalidate.add(listener);
    }

    @Override
    public void connect(Connection connection) {
        for (PoolConnectionListener l : connect.all()) {
            l.on(connection);
        }
    }

    @Override
    public void checkout(Connection connection) {
        for (PoolConnectionListener l : checkout.all()) {
            l.on(connection);
        }
    }

    @Override
    public void checkin(Connection connection) {
        for (PoolConnectionListener l : checkin.all()) {
            l.on(connection);
        }
    }

    @Override
    public void invalidate(Connection connection, Throwable cause) {
        for (PoolInvalidateListener l : invalidate.all()) {
            l.on(connection, cause);
        }
    }
}
