package org.retort.orm.internal.state;

import java.lang.ref.WeakReference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.retort.orm.mapping.IdentityKey;

/**
 * Remembers, per object identity and without keeping the object alive, the identity of objects that left a
 * session, so a later {@code inspect} reports them detached and {@code add} re-attaches them as persistent.
 *
 * <p>What this costs matters, because every object a session loads is registered here when the session closes.
 * <ul>
 *   <li>No hashing at close: a closing session hands over its objects as one <em>batch</em>, an array of
 *       {@link Entry}, and batches enter the identity-hash table only when something next looks an object up.
 *       Most applications never do for objects that were only read ({@code add} of an object whose primary key is
 *       unset does not look).
 *   <li>Small entries: an entry is a weak reference to its object plus its identity key (the identity map's own
 *       key object; a single-column key holds its value directly). It never holds the object's loaded values: an entry outlives its object until a collection
 *       has cleared it, and values held by it would be copied by that collection. {@code add} reads the row
 *       again to learn them.
 *   <li>No reference queue or cleaner thread: entries of collected objects are dropped by sweeps that each
 *       registration pays in proportion to what it registers (older batches are compacted round-robin, the table
 *       is swept a few slots per insertion and whenever it is resized).
 * </ul>
 *
 * <p>An entry is a weak reference and a key, 32 bytes: it keeps neither a sequence number nor the object's hash.
 * Each batch carries the sequence number of its registration, and batches are indexed oldest first (before any
 * single registration), so an entry entering the table is always the newest for its object and replaces any
 * other (an object detached, attached and detached again). A slot's hash is the identity hash of the entry's
 * object, read again when the table moves entries (an entry whose object was collected stays put until a sweep
 * drops it).
 */
public final class DetachedStates {
    /** What a detached object keeps: the object only weakly, and its key. */
    public static final class Entry extends WeakReference<Object> {
        private final IdentityKey key;

        /** An entry of a state held strongly ({@link EntityState#pinnedObject}). */
        private Entry(EntityState st) {
            this(st.pinnedObject(), st.key);
        }

        /** An entry of an object, alive now, and its key. */
        Entry(Object object, IdentityKey key) {
            super(object);
            this.key = key;
        }

        /** {@return the identity the object had when it left its session} */
        public IdentityKey key() {
            return key;
        }
    }

    private static final int INITIAL_CAPACITY = 64;
    /** Table slots examined for collected entries per insertion. */
    private static final int SWEEP_PER_INSERT = 2;
    private static final Object LOCK = new Object();

    // All of the following guarded by LOCK.
    /** Indexed entries: open addressing, linear probing, a power of two in length, at most half full. */
    private static Entry[] table = new Entry[INITIAL_CAPACITY];
    private static int size;
    private static int sweepCursor;
    /** Registered batches not yet indexed (compaction rotates them: their sequence numbers say which is older). */
    private static final ArrayDeque<Batch> batches = new ArrayDeque<>();
    private static int nextSeq;

    /** The entries one closing session registered, and when. */
    private record Batch(Entry[] entries, int seq) {
    }

    /** Read without the lock so that lookups cost nothing while no object was ever detached. */
    private static volatile boolean empty = true;

    private DetachedStates() {
    }

    /**
     * Remembers the states that have an identity (persistent or deleted ones) as detached, as one batch, and
     * detaches every state on the way ({@link EntityState#detach}): one pass over a closing session's objects, after
     * which the session forgets its sets and index without visiting the states again.
     *
     * @param states the states
     * @param count how many there are, at most
     */
    public static void detachAll(Iterable<EntityState> states, int count) {
        Entry[] batch = new Entry[count];
        int n = 0;
        for (EntityState st : states) {
            st.detach();
            if (st.key != null) {
                batch[n++] = new Entry(st);
            }
        }
        register(batch, n);
    }

    /**
     * Remembers the first {@code n} entries of an array as one batch (the array is kept, not copied, when full).
     *
     * @param batch the entries
     * @param n how many of them there are
     */
    static void register(Entry[] batch, int n) {
        if (n == 0) {
            return;
        }
        if (n < batch.length) {
            batch = Arrays.copyOf(batch, n);
        }
        synchronized (LOCK) {
            sweepBatches(2L * n);
            batches.addLast(new Batch(batch, nextSeq++)); // registered now: newer than every entry indexed so far
            empty = false;
        }
    }

    /** Remembers one state as detached; it must have an identity. */
    public static void put(EntityState st) {
        synchronized (LOCK) {
            indexBatches(); // every registration before this one is in the table: this entry is the newest
            nextSeq++;
            insert(new Entry(st));
            empty = false;
        }
    }

    /** {@return what was remembered about a detached object, or null} */
    public static Entry get(Object object) {
        if (empty) {
            return null;
        }
        synchronized (LOCK) {
            indexBatches();
            int i = find(object);
            return i < 0 ? null : table[i];
        }
    }

    /** Forgets a detached object (it was attached to a session again). */
    public static void remove(Object object) {
        if (empty) {
            return;
        }
        synchronized (LOCK) {
            indexBatches();
            int i = find(object);
            if (i >= 0) {
                deleteAt(i);
            }
            empty = size == 0 && batches.isEmpty();
        }
    }

    /** {@return the number of entries whose objects were not collected; for tests} */
    public static int live() {
        synchronized (LOCK) {
            indexBatches();
            rehash(table.length);
            return size;
        }
    }

    // ------------------------------------------------------------------ all below under LOCK

    private static void indexBatches() {
        if (batches.isEmpty()) {
            return;
        }
        List<Batch> oldestFirst = new ArrayList<>(batches);
        batches.clear();
        oldestFirst.sort((a, b) -> Integer.compare(a.seq() - b.seq(), 0)); // sequence numbers may wrap
        for (Batch batch : oldestFirst) {
            for (Entry e : batch.entries()) {
                insert(e);
            }
        }
    }

    /**
     * Compacts the oldest batches, dropping entries of collected objects, until {@code budget} entries were
     * examined; a batch that still holds entries goes to the back of the queue.
     */
    private static void sweepBatches(long budget) {
        int rounds = batches.size();
        while (budget > 0 && rounds-- > 0) {
            Batch b = batches.pollFirst();
            Entry[] batch = b.entries();
            budget -= batch.length;
            int live = 0;
            for (Entry e : batch) {
                if (!e.refersTo(null)) {
                    batch[live++] = e;
                }
            }
            if (live > 0) {
                batches.addLast(live == batch.length ? b : new Batch(Arrays.copyOf(batch, live), b.seq()));
            }
        }
    }

    private static int slot(int hash, int length) {
        return OpenAddressing.lowBits(hash, length);
    }

    private static void insert(Entry entry) {
        Object object = entry.get();
        if (object == null) {
            return;
        }
        int i = probe(object, System.identityHashCode(object));
        Entry e = table[i];
        table[i] = entry; // the newest registration of its object (see indexBatches)
        if (e == null) {
            if (++size * 2 > table.length) {
                rehash(table.length * 2);
            } else {
                sweepTable();
            }
        }
    }

    /** Examines the next few slots and deletes entries whose objects were collected. */
    private static void sweepTable() {
        for (int n = 0; n < SWEEP_PER_INSERT; n++) {
            int i = sweepCursor & (table.length - 1);
            Entry e = table[i];
            if (e != null && e.refersTo(null)) {
                deleteAt(i); // a later entry may move into slot i: look at it again next time
            } else {
                sweepCursor = i + 1;
            }
        }
    }

    /** {@return the slot of the object's entry, or -1} */
    private static int find(Object object) {
        int i = probe(object, System.identityHashCode(object));
        return table[i] == null ? -1 : i;
    }

    /** {@return the slot holding the object's entry, or else the empty slot that ends its probe run} */
    private static int probe(Object object, int hash) {
        Entry[] t = table;
        int mask = t.length - 1;
        int i = slot(hash, t.length);
        while (t[i] != null && !t[i].refersTo(object)) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Empties slot {@code i}, moving later entries of the probe run back so every lookup still finds them. */
    private static void deleteAt(int i) {
        Entry[] t = table;
        int mask = t.length - 1;
        t[i] = null;
        size--;
        for (int j = (i + 1) & mask; t[j] != null; j = (j + 1) & mask) {
            Object o = t[j].get();
            // an entry whose object was collected stays where it is: it blocks no lookup, a sweep drops it
            if (o != null && !OpenAddressing.staysPut(i, j, slot(System.identityHashCode(o), t.length))) {
                t[i] = t[j];
                t[j] = null;
                i = j;
            }
        }
    }

    /**
     * Moves the entries of live objects to a new table, dropping those of collected ones: at least
     * {@code minLength} long while the table is busy, smaller when few entries are left.
     */
    private static void rehash(int minLength) {
        Entry[] old = table;
        int live = 0;
        for (Entry e : old) {
            if (e != null && !e.refersTo(null)) {
                live++;
            }
        }
        int length = INITIAL_CAPACITY;
        while (length < live * 4) {
            length <<= 1;
        }
        if (live * 4 >= old.length) {
            length = Math.max(length, minLength);
        }
        Entry[] t = new Entry[length];
        int mask = length - 1;
        for (Entry e : old) {
            Object o = e == null ? null : e.get();
            if (o != null) {
                int i = slot(System.identityHashCode(o), length);
                while (t[i] != null) {
                    i = (i + 1) & mask;
                }
                t[i] = e;
            }
        }
        table = t;
        size = live;
        sweepCursor = 0;
    }
}
