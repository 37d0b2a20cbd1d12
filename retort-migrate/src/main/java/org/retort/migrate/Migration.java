package org.retort.migrate;

/**
 * The body of one revision: what {@code upgrade} changes and how {@code downgrade} undoes it, both written
 * against {@link Operations} (Alembic's {@code upgrade()} / {@code downgrade()} functions and {@code op}).
 *
 * <pre>{@code
 * @Revision(id = "ae1027a6acf0", down = "1975ea83b712", message = "add fullname")
 * public class AddFullname implements Migration {
 *     public void upgrade(Operations op) {
 *         op.addColumn("account", column("fullname", VARCHAR(100)));
 *     }
 *     public void downgrade(Operations op) {
 *         op.dropColumn("account", "fullname");
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations need a public no-argument constructor; one instance is made per run.
 */
public interface Migration {

    /**
     * Moves the schema forward to this revision.
     *
     * @param op the operations, bound to the database or to an offline script
     */
    void upgrade(Operations op);

    /**
     * Moves the schema back to the revision(s) this one follows.
     *
     * @param op the operations, bound to the database or to an offline script
     */
    void downgrade(Operations op);
}
