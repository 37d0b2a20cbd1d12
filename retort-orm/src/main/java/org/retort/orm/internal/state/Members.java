package org.retort.orm.internal.state;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Predicate;

/** Iteration over a list that keeps removed states in place (skipped) until it is compacted. */
final class Members {
    private Members() {
    }

    /**
     * {@return the states of the list that are still members, in list order}
     *
     * @param all the list, removed states included
     * @param member whether a state is still a member
     */
    static Iterator<EntityState> of(List<EntityState> all, Predicate<EntityState> member) {
        return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
                while (from < all.size() && !member.test(all.get(from))) {
                    from++;
                }
                return from;
            }

            @Override
            public boolean hasNext() {
                return next < all.size();
            }

            @Override
            public EntityState next() {
                if (next >= all.size()) {
                    throw new NoSuchElementException();
                }
                EntityState st = all.get(next);
                next = advance(next + 1);
                return st;
            }
        };
    }
}
