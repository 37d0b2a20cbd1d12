package org.retort.orm;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.retort.exc.InvalidRequestException;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.RelationshipDirection;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.sql.Expression;
import org.retort.sql.Sql;

/**
 * A collection that is never loaded whole (SQLAlchemy's {@code WriteOnlyMapped}), for relationships too large to
 * hold in memory: additions and removals are recorded and written by the next flush, and reading goes through
 * a query you shape yourself with {@link #select()}.
 *
 * <pre>{@code
 * @Relationship(passiveDeletes = true) WriteOnlyCollection<LogEntry> entries = new WriteOnlyCollection<>();
 *
 * account.entries.add(new LogEntry("login"));                  // INSERTed at the next flush
 * List<LogEntry> recent = session.scalars(account.entries.select()
 *         .orderBy(LogEntry_.at.desc()).limit(10)).all();        // only the rows asked for
 * }</pre>
 *
 * <p>Deleting the owner does not load the members: a one-to-many write-only collection leaves them to the
 * database's {@code ON DELETE} rule, a many-to-many one deletes its association rows.
 *
 * @param <T> the member type
 */
public final class WriteOnlyCollection<T> {
    private final List<T> added = new ArrayList<>();
    private final List<T> removed = new ArrayList<>();
    private Object owner;
    private RelationshipProperty relationship;

    /** An empty collection; put one in the field's initializer. */
    public WriteOnlyCollection() {
    }

    /**
     * Binds the collection to its owner and relationship; the ORM does this when the owner joins a session.
     *
     * @param owner the owning object
     * @param relationship the relationship
     */
    public void bind(Object owner, RelationshipProperty relationship) {
        this.owner = owner;
        this.relationship = relationship;
    }

    /**
     * Adds a member; the next flush writes its foreign key (or its association row).
     *
     * @param member the member
     */
    public void add(T member) {
        Objects.requireNonNull(member, "member");
        if (!removed.removeIf(o -> o == member)) {
            added.add(member);
        }
    }

    /**
     * Adds members in order.
     *
     * @param members the members
     */
    public void addAll(Collection<? extends T> members) {
        members.forEach(this::add);
    }

    /**
     * Removes a member; the next flush sets its foreign key to NULL (or deletes it, with delete-orphan; or
     * deletes its association row).
     *
     * @param member the member
     */
    public void remove(T member) {
        Objects.requireNonNull(member, "member");
        if (!added.removeIf(o -> o == member)) {
            removed.add(member);
        }
    }

    /** {@return the members added since the last flush} */
    public List<T> pendingAdditions() {
        return Collections.unmodifiableList(added);
    }

    /** {@return the members removed since the last flush} */
    public List<T> pendingRemovals() {
        return Collections.unmodifiableList(removed);
    }

    /** Forgets the pending changes; the flush calls this once it wrote them. */
    public void clearPending() {
        added.clear();
        removed.clear();
    }

    /**
     * The SELECT of the members as stored (what the last flush wrote), to narrow, order and page yourself.
     *
     * @return the statement
     * @throws InvalidRequestException when the owner has no key yet (flush it first)
     */
    @SuppressWarnings("unchecked")
    public OrmSelect<T> select() {
        if (relationship == null) {
            throw new InvalidRequestException("This WriteOnlyCollection belongs to no persistent object yet; add its "
                    + "owner to a session and flush before selecting from it");
        }
        RelationshipProperty r = relationship;
        List<Expression<?>> where = new ArrayList<>();
        for (int i = 0; i < r.keySide().size(); i++) {
            ColumnProperty key = r.keySide().get(i);
            Object v = key.get(owner);
            if (v == null) {
                throw new InvalidRequestException("The owner of " + r + " has no key yet; flush it before selecting");
            }
            where.add(r.direction() == RelationshipDirection.MANY_TO_MANY
                    ? r.secondaryParentColumns().get(i).untyped().eq(v) : r.fkSide().get(i).column().untyped().eq(v));
        }
        OrmSelect<T> s = (OrmSelect<T>) Orm.select(r.targetClass());
        if (r.direction() == RelationshipDirection.MANY_TO_MANY) {
            List<Expression<?>> on = new ArrayList<>();
            for (int i = 0; i < r.targetKey().size(); i++) {
                on.add(r.secondaryTargetColumns().get(i).eq(r.targetKey().get(i).column()));
            }
            s = s.join(r.secondary(), Sql.and_(on.toArray(Expression<?>[]::new)));
        }
        return s.where(where.toArray(Expression<?>[]::new));
    }

    @Override
    public String toString() {
        return "WriteOnlyCollection[+" + added.size() + " -" + removed.size() + "]";
    }
}
