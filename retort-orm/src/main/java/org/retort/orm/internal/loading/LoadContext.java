package org.retort.orm.internal.loading;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.EntityState;
import org.retort.orm.mapping.RelationshipProperty;

/**
 * The objects one load produced, per plan node, waiting for their relationships to load; {@link #finish()} loads
 * them breadth first until no node has objects left (a batch load records the objects it loads in turn).
 */
public final class LoadContext {
    private final SessionCore core;
    private final Map<LoadPlan, Node> nodes = new IdentityHashMap<>();
    private final List<Node> order = new ArrayList<>();

    LoadContext(SessionCore core) {
        this.core = core;
    }

    /** The objects of one plan node: new or reloaded ones, and ones already loaded that the rows returned again. */
    public static final class Node {
        private final LoadPlan plan;
        private List<EntityState> fresh = new ArrayList<>();
        private final Set<EntityState> existing = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        /** The reference a parent's load filled in objects of {@link #fresh}, and at which positions; or null. */
        private RelationshipProperty filledRel;
        private BitSet filled;

        Node(LoadPlan plan) {
            this.plan = plan;
        }

        LoadPlan plan() {
            return plan;
        }

        /**
         * Records that a load of the parent side just filled reference {@code r} of {@code st}, when {@code st} is
         * the object this node recorded last: the later pass over this node's objects then skips it without
         * reading its state again ({@link Filled}).
         */
        void referenceFilled(EntityState st, RelationshipProperty r) {
            int last = fresh.size() - 1;
            if (last < 0 || fresh.get(last) != st || filledRel != null && filledRel != r) {
                return;
            }
            if (filledRel == null) {
                filledRel = r;
                filled = new BitSet();
            }
            filled.set(last);
        }

        /** Records an object created or reloaded from a row. */
        void fresh(EntityState st) {
            if (st.loadMark != this) { // marked instead of hashed: a load records every new object once
                st.loadMark = this;
                fresh.add(st);
            }
        }

        /** Records an object that was already loaded. */
        void existing(EntityState st) {
            if (st.loadMark != this) {
                existing.add(st);
            }
        }

        boolean isFresh(EntityState st) {
            return st.loadMark == this;
        }

        private boolean pending() {
            return !fresh.isEmpty() || !existing.isEmpty();
        }
    }

    /**
     * Which of a node's new objects ({@code fresh}, by position) already have reference {@code rel} filled by the load
     * of their parent.
     *
     * @param rel the reference
     * @param positions the positions in the list of new objects
     */
    record Filled(RelationshipProperty rel, BitSet positions) {
    }

    Node node(LoadPlan plan) {
        return nodes.computeIfAbsent(plan, p -> {
            Node n = new Node(p);
            order.add(n);
            return n;
        });
    }

    /** Loads the relationships of every recorded object, and of the objects those loads bring, until done. */
    void finish() {
        boolean again = true;
        while (again) {
            again = false;
            for (int i = 0; i < order.size(); i++) {
                Node n = order.get(i);
                if (!n.pending()) {
                    continue;
                }
                again = true;
                List<EntityState> fresh = n.fresh;
                List<EntityState> existing = new ArrayList<>(n.existing);
                Filled filled = n.filledRel == null ? null : new Filled(n.filledRel, n.filled);
                n.fresh = new ArrayList<>();
                n.existing.clear();
                n.filledRel = null;
                n.filled = null;
                // the states keep their mark: one this node records again later in this load was processed now (and a
                // later load's nodes are other objects), so no second pass over every loaded state clears them
                Loader.loadRelationships(core, this, n.plan, fresh, existing, filled);
            }
        }
    }
}
