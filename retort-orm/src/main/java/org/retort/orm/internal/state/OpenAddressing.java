package org.retort.orm.internal.state;

/** What the open-addressing tables of the ORM ({@link IdentityMap}, {@link DetachedStates}) share. */
public final class OpenAddressing {
    private OpenAddressing() {
    }

    /**
     * Deletion in a linearly probed table: after emptying slot {@code emptied}, may the entry found at {@code j}
     * further along the run stay where it is? It may when its home slot lies cyclically in
     * {@code (emptied, j]}; otherwise it must move back into the emptied slot, or lookups would stop short of it.
     *
     * @param emptied the slot just emptied
     * @param j the slot of an entry later in the same run
     * @param home the slot that entry's hash points at
     * @return true when the entry stays
     */
    public static boolean staysPut(int emptied, int j, int home) {
        return emptied <= j ? emptied < home && home <= j : emptied < home || home <= j;
    }

    /**
     * The home slot of a hash by its low bits, the high half folded in: hashes that differ by small steps (consecutive
     * keys) take neighbouring slots.
     *
     * @param hash the hash
     * @param length the table's length, a power of two
     * @return the slot
     */
    public static int lowBits(int hash, int length) {
        return (hash ^ (hash >>> 16)) & (length - 1);
    }
}
