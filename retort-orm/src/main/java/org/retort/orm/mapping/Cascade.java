package org.retort.orm.mapping;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import org.retort.exc.ArgumentException;

/** What an operation on an object does to the objects of one of its relationships (SQLAlchemy's cascades). */
public enum Cascade {
    /** {@code session.add} adds the related objects, and so does a flush for objects put into the relationship. */
    SAVE_UPDATE,
    /** {@code session.merge} merges the related objects too. */
    MERGE,
    /** {@code session.expunge} expunges the related objects too. */
    EXPUNGE,
    /** {@code session.delete} deletes the related objects too. */
    DELETE,
    /** A child removed from the collection (or replaced in a reference) is deleted. */
    DELETE_ORPHAN,
    /** {@code session.expire} and {@code refresh} act on the related objects too. */
    REFRESH_EXPIRE;

    /**
     * Parses SQLAlchemy's cascade string: names separated by commas, {@code all} for every cascade but
     * delete-orphan, {@code none} or empty for none.
     *
     * @param text e.g. {@code "all, delete-orphan"}
     * @param where what the cascade belongs to, for the error message
     * @return the cascades
     * @throws ArgumentException for an unknown name
     */
    public static Set<Cascade> parse(String text, String where) {
        Set<Cascade> out = EnumSet.noneOf(Cascade.class);
        for (String part : text.split(",")) {
            String name = part.trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "", "none" -> { }
                case "all" -> out.addAll(EnumSet.complementOf(EnumSet.of(DELETE_ORPHAN)));
                case "save-update" -> out.add(SAVE_UPDATE);
                case "merge" -> out.add(MERGE);
                case "expunge" -> out.add(EXPUNGE);
                case "delete" -> out.add(DELETE);
                case "delete-orphan" -> out.add(DELETE_ORPHAN);
                case "refresh-expire" -> out.add(REFRESH_EXPIRE);
                default -> throw new ArgumentException("Unknown cascade '" + part.trim() + "' on " + where
                        + "; use save-update, merge, expunge, delete, delete-orphan, refresh-expire, all or none");
            }
        }
        return out;
    }
}
