package org.retort.orm.internal.loading;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.retort.orm.internal.collection.TrackedCollection;

/**
 * The members a load collects for one parent's collection, each object once. Rows can repeat a member (a joined load
 * of two collections returns their product; an association table can hold a pair twice): a short list is searched,
 * and a long one keeps an identity set beside it, so that collecting a collection of thousands stays linear.
 */
final class MemberList extends ArrayList<Object> {
    /** Up to this many members, a search of the list is cheaper than hashing. */
    private static final int SEARCHED = 16;
    private Set<Object> seen;

    /** {@return this list, handed over as a collection's items: it no longer keeps its identity set} */
    MemberList release() {
        seen = null;
        return this;
    }

    /**
     * Adds the object unless it is already a member (by identity).
     *
     * @param o the object
     */
    void addOnce(Object o) {
        if (seen == null) {
            if (TrackedCollection.containsSame(this, o)) {
                return;
            }
            add(o);
            if (size() > SEARCHED) {
                seen = Collections.newSetFromMap(new IdentityHashMap<>());
                seen.addAll(this);
            }
        } else if (seen.add(o)) {
            add(o);
        }
    }
}
