package org.retort.orm.internal.session;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import org.retort.exc.InvalidRequestException;

/**
 * The session's single-thread check: one compare-and-set on entry to a public method, so a call from a second
 * thread while the first is inside fails at once instead of corrupting the identity map. Re-entry from the same
 * thread (a listener calling back into the session) is allowed.
 */
public final class OwnerGuard {
    private static final VarHandle OWNER;

    static {
        try {
            OWNER = MethodHandles.lookup().findVarHandle(OwnerGuard.class, "owner", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused")
    private volatile Thread owner;

    /** {@return the current thread when it was already inside (re-entry), else null; pass it to {@link #exit}} */
    public Thread enter() {
        Thread me = Thread.currentThread();
        if (owner == me) {
            return me;
        }
        if (!OWNER.compareAndSet(this, (Thread) null, me)) {
            Thread other = owner;
            throw new InvalidRequestException("This Session is in use by thread '"
                    + (other == null ? "?" : other.getName()) + "' and was called from thread '" + me.getName()
                    + "'; a Session is single-threaded: open one per thread (SessionFactory.open())");
        }
        return null;
    }

    public void exit(Thread previous) {
        if (previous == null) {
            owner = null;
        }
    }
}
