package org.retort.migrate;

import org.retort.types.SqlType;

/**
 * What {@link Operations#alterColumn(String, String, AlterColumn)} changes about one column (Alembic's
 * {@code alter_column} keyword arguments), built with withers:
 *
 * <pre>{@code
 * op.alterColumn("account", "name", AlterColumn.change().type(VARCHAR(100)).nullable(false)
 *         .existingServerDefault("'x'"));
 * }</pre>
 *
 * <p>The {@code existing*} hints describe the column as it is. Online they are read from the database when
 * left out; offline ({@code --sql}) the databases that restate the whole column to change one part of it
 * (MySQL/MariaDB, SQL Server) need them, and a missing one fails naming the column.
 *
 * @param newName the new name, or null to keep it
 * @param type the new type, or null to keep it
 * @param nullable the new nullability, or null to keep it
 * @param serverDefault the new server default (SQL text), or null to keep it
 * @param removeServerDefault true to remove the server default
 * @param comment the new comment, or null to keep it
 * @param removeComment true to remove the comment
 * @param using PostgreSQL's {@code USING} expression for a type change, or null
 * @param existingType the current type, or null when unknown
 * @param existingNullable the current nullability, or null when unknown
 * @param existingServerDefault the current server default, or null for none or unknown
 * @param existingComment the current comment, or null for none or unknown
 * @param identity the IDENTITY the column gets (PostgreSQL, H2, Oracle), or null to keep it
 * @param removeIdentity true to make an IDENTITY column a plain one
 */
public record AlterColumn(String newName, SqlType<?> type, Boolean nullable, String serverDefault,
                          boolean removeServerDefault, String comment, boolean removeComment, String using,
                          SqlType<?> existingType, Boolean existingNullable, String existingServerDefault,
                          String existingComment, org.retort.schema.Identity identity, boolean removeIdentity) {

    /** {@return an alteration that changes nothing yet} */
    public static AlterColumn change() {
        return new AlterColumn(null, null, null, null, false, null, false, null, null, null, null, null, null, false);
    }

    /**
     * {@return a copy renaming the column}
     *
     * @param name the new column name
     */
    public AlterColumn newName(String name) {
        return new AlterColumn(name, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy changing the type}
     *
     * @param newType the new type
     */
    public AlterColumn type(SqlType<?> newType) {
        return new AlterColumn(newName, newType, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy changing nullability}
     *
     * @param allowNull true for NULL, false for NOT NULL
     */
    public AlterColumn nullable(boolean allowNull) {
        return new AlterColumn(newName, type, allowNull, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy setting the default}
     *
     * @param sql the new server default, SQL text ({@code "'draft'"}, {@code "0"})
     */
    public AlterColumn serverDefault(String sql) {
        return new AlterColumn(newName, type, nullable, sql, false, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /** {@return a copy removing the server default} */
    public AlterColumn dropServerDefault() {
        return new AlterColumn(newName, type, nullable, null, true, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy setting the comment}
     *
     * @param text the new comment
     */
    public AlterColumn comment(String text) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, text, false, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /** {@return a copy removing the comment} */
    public AlterColumn dropComment() {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, null, true, using,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy with {@code USING sql}}
     *
     * @param sql PostgreSQL's conversion for a type change, e.g. {@code "amount::numeric"}
     */
    public AlterColumn using(String sql) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, sql,
                existingType, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy with the hint}
     *
     * @param current the column's current type
     */
    public AlterColumn existingType(SqlType<?> current) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                current, existingNullable, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy with the hint}
     *
     * @param current the column's current nullability
     */
    public AlterColumn existingNullable(boolean current) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, current, existingServerDefault, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy with the hint}
     *
     * @param current the column's current server default, SQL text
     */
    public AlterColumn existingServerDefault(String current) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, current, existingComment, identity, removeIdentity);
    }

    /**
     * {@return a copy with the hint}
     *
     * @param current the column's current comment
     */
    public AlterColumn existingComment(String current) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, current, identity, removeIdentity);
    }

    /**
     * {@return a copy giving the column an IDENTITY, or changing ALWAYS / BY DEFAULT of the one it has}
     *
     * @param generated the identity, e.g. {@code Identity.byDefault()}
     */
    public AlterColumn identity(org.retort.schema.Identity generated) {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, generated, false);
    }

    /** {@return a copy removing the column's IDENTITY, keeping its values} */
    public AlterColumn dropIdentity() {
        return new AlterColumn(newName, type, nullable, serverDefault, removeServerDefault, comment, removeComment, using,
                existingType, existingNullable, existingServerDefault, existingComment, null, true);
    }

    /** {@return true when the default changes (set or dropped)} */
    public boolean changesDefault() {
        return serverDefault != null || removeServerDefault;
    }

    /** {@return true when the comment changes (set or dropped)} */
    public boolean changesComment() {
        return comment != null || removeComment;
    }

    /** {@return true when nothing changes} */
    public boolean isEmpty() {
        return newName == null && type == null && nullable == null && !changesDefault() && !changesComment()
                && identity == null && !removeIdentity;
    }

    /** {@return the type after the change: the new one, else the existing one (may be null)} */
    public SqlType<?> finalType() {
        return type != null ? type : existingType;
    }

    /** {@return the nullability after the change, or null when unknown} */
    public Boolean finalNullable() {
        return nullable != null ? nullable : existingNullable;
    }

    /** {@return the server default after the change, or null for none} */
    public String finalServerDefault() {
        return removeServerDefault ? null : serverDefault != null ? serverDefault : existingServerDefault;
    }

    /** {@return the comment after the change, or null for none} */
    public String finalComment() {
        return removeComment ? null : comment != null ? comment : existingComment;
    }
}
