package org.retort.event;

/** A registered listener; {@link #remove()} unregisters it (SQLAlchemy's {@code event.remove}). */
@FunctionalInterface
public interface Registration {

    /** Removes the listener; later events no longer reach it. Removing twice does nothing. */
    void remove();
}
