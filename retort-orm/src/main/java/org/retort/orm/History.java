package org.retort.orm;

import java.util.List;

/**
 * The change history of one attribute since it was last loaded or flushed (SQLAlchemy's {@code History}):
 * a changed value shows the new value in {@code added} and the committed one in {@code deleted}.
 *
 * @param added the new value, if changed (or set on a pending object)
 * @param unchanged the value, if not changed
 * @param deleted the committed value that the new one replaces
 */
public record History(List<Object> added, List<Object> unchanged, List<Object> deleted) {

    /** {@return true when the attribute has a change to flush} */
    public boolean hasChanges() {
        return !added.isEmpty() || !deleted.isEmpty();
    }
}
