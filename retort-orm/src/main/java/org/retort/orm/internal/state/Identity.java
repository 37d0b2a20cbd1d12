package org.retort.orm.internal.state;

/**
 * An object compared by identity, as a map or set key (the identity map compares objects the same way).
 *
 * @param object the object
 */
public record Identity(Object object) {
    @Override
    public boolean equals(Object other) {
        return other instanceof Identity i && i.object == object;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(object);
    }
}
