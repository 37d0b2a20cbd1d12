package org.retort.orm.internal.session;

import java.util.List;
import org.retort.orm.internal.collection.TrackedCollection;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.mapping.Cascade;
import org.retort.orm.mapping.RelationshipProperty;

/** Walks an object's relationships for one cascade, collecting the related objects an operation reaches. */
final class Cascades {
    private Cascades() {
    }

    /**
     * Adds to {@code work} the objects that an object's relationships with cascade {@code c} hold now; unloaded
     * collections are not loaded (what was never loaded cannot have changed).
     */
    static void reach(EntityState st, Cascade c, List<Object> work) {
        Object o = st.object();
        for (RelationshipProperty r : st.mapper().relationships()) {
            if (!r.cascades(c) || (c == Cascade.SAVE_UPDATE && r.isViewOnly())) {
                continue;
            }
            Object value = r.get(o);
            if (value == null || value instanceof TrackedCollection<?> t && !t.isLoaded()) {
                continue;
            }
            work.addAll(EntityState.members(r, value));
        }
    }

    /**
     * Adds to {@code work} the objects that deleting an object deletes too: the members of its relationships
     * with the delete cascade, loading unloaded collections unless the relationship leaves that to the
     * database ({@code passiveDeletes}).
     */
    static void reachForDelete(SessionCore core, EntityState st, List<Object> work) {
        Object o = st.object();
        for (RelationshipProperty r : st.mapper().relationships()) {
            if (!r.cascades(Cascade.DELETE)) {
                continue;
            }
            Object value = r.get(o);
            if (value instanceof TrackedCollection<?> t && !t.isLoaded()) {
                if (r.isPassiveDeletes()) {
                    continue;
                }
                t.ensureLoaded();
            }
            if (value != null) {
                work.addAll(EntityState.members(r, value));
            }
        }
    }
}
