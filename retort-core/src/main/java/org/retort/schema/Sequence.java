package org.retort.schema;

import java.util.Objects;

/**
 * A database sequence, {@code CREATE SEQUENCE name [INCREMENT BY i] [START WITH s] ...}: standalone
 * ({@code metadata.sequence(Sequence.named("order_seq"))}) or as a column's value generator
 * ({@code column("id", BIGINT, primaryKey(), Sequence.named("user_id_seq"))}), where INSERTs take
 * {@code nextval} from it. Created before and dropped after the tables on databases with sequences
 * (PostgreSQL, H2, MariaDB 10.3+, Oracle, SQL Server); ignored on the others, as in SQLAlchemy.
 *
 * @param name the sequence name
 * @param schema its schema, or null
 * @param start START WITH, or null
 * @param increment INCREMENT BY, or null
 * @param minValue MINVALUE, or null
 * @param maxValue MAXVALUE, or null
 * @param cycle true for CYCLE
 * @param cache CACHE, or null
 */
public record Sequence(String name, String schema, Long start, Long increment, Long minValue, Long maxValue,
                       boolean cycle, Long cache) implements ColumnOption {

    /**
     * Checks the name.
     *
     * @param name the sequence name
     * @param schema its schema, or null
     * @param start START WITH, or null
     * @param increment INCREMENT BY, or null
     * @param minValue MINVALUE, or null
     * @param maxValue MAXVALUE, or null
     * @param cycle true for CYCLE
     * @param cache CACHE, or null
     */
    public Sequence {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Returns a sequence with the database's defaults.
     *
     * @param name the sequence name
     * @return a sequence with the database's defaults
     */
    public static Sequence named(String name) {
        return new Sequence(name, null, null, null, null, null, false, null);
    }

    /**
     * Returns a copy.
     *
     * @param value START WITH
     * @return a copy
     */
    public Sequence startWith(long value) {
        return new Sequence(name, schema, value, increment, minValue, maxValue, cycle, cache);
    }

    /**
     * Returns a copy.
     *
     * @param value INCREMENT BY
     * @return a copy
     */
    public Sequence incrementBy(long value) {
        return new Sequence(name, schema, start, value, minValue, maxValue, cycle, cache);
    }

    /**
     * Returns a copy.
     *
     * @param min MINVALUE
     * @param max MAXVALUE
     * @return a copy
     */
    public Sequence range(long min, long max) {
        return new Sequence(name, schema, start, increment, min, max, cycle, cache);
    }

    /** {@return a copy with CYCLE} */
    public Sequence cycling() {
        return new Sequence(name, schema, start, increment, minValue, maxValue, true, cache);
    }

    /**
     * Returns a copy.
     *
     * @param value CACHE
     * @return a copy
     */
    public Sequence cached(long value) {
        return new Sequence(name, schema, start, increment, minValue, maxValue, cycle, value);
    }

    /**
     * Returns a copy in that schema.
     *
     * @param value the schema
     * @return a copy in that schema
     */
    public Sequence inSchema(String value) {
        return new Sequence(name, value, start, increment, minValue, maxValue, cycle, cache);
    }
}
