package org.retort.orm.internal.state;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Iterator;

/**
 * A set of states in insertion order whose membership is a bit in each state instead of a hash entry (a session's
 * pending objects, its objects marked for delete): adding 100,000 new objects writes a bit and appends to a list,
 * where a {@code LinkedHashSet} hashed each one and allocated a node for it.
 *
 * <p>A removed state stays in the list, skipped, until removals outnumber members (then the list is compacted);
 * one added again while still listed moves to the end, as in a {@code LinkedHashSet} (a linear step, for the rare
 * delete-undelete-delete of one object). Each set of a session owns two bits of {@link EntityState#bits}
 * (member, listed), so a state can belong to several such sets; a state belongs to one session at a time.
 */
public final class StateSet extends AbstractSet<EntityState> {
    private final int bit;
    private final int listed;
    private ArrayList<EntityState> order = new ArrayList<>();
    private int size;

    /**
     * An empty set.
     *
     * @param slot which bits of {@link EntityState#bits} this set uses, 0 to 7 (distinct per set of a session)
     */
    public StateSet(int slot) {
        if (slot < 0 || slot > 7) {
            throw new IllegalArgumentException("slot must be 0 to 7, got " + slot);
        }
        this.bit = 1 << (2 * slot);
        this.listed = 1 << (2 * slot + 1);
    }

    @Override
    public boolean add(EntityState st) {
        if ((st.bits & bit) != 0) {
            return false;
        }
        if ((st.bits & listed) != 0) {
            order.remove(st); // added again while still listed after a removal: to the end, once
        }
        st.bits |= bit | listed;
        order.add(st);
        size++;
        return true;
    }

    @Override
    public boolean remove(Object o) {
        if (!(o instanceof EntityState st) || (st.bits & bit) == 0) {
            return false;
        }
        st.bits &= ~bit;
        size--;
        if (order.size() > 2 * size + 16) {
            compact();
        }
        return true;
    }

    @Override
    public boolean contains(Object o) {
        return o instanceof EntityState st && (st.bits & bit) != 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void clear() {
        for (EntityState st : order) {
            st.bits &= ~(bit | listed);
        }
        order = new ArrayList<>();
        size = 0;
    }

    private void compact() {
        ArrayList<EntityState> kept = new ArrayList<>(Math.max(16, size * 2));
        for (EntityState st : order) {
            if ((st.bits & bit) != 0) {
                kept.add(st);
            } else {
                st.bits &= ~listed;
            }
        }
        order = kept;
    }

    @Override
    public Iterator<EntityState> iterator() {
        return Members.of(order, st -> (st.bits & bit) != 0);
    }
}
