package org.retort.inspect;

/**
 * A check constraint as the database describes it.
 *
 * @param name the constraint name, or null
 * @param sql the condition as the database prints it
 */
public record ReflectedCheck(String name, String sql) {
}
