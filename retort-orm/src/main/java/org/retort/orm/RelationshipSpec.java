package org.retort.orm;

import java.util.List;
import java.util.Objects;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.mapping.Cascade;
import org.retort.orm.mapping.RelationshipProperty;

/**
 * The settings of a relationship mapped in code (the imperative equivalent of
 * {@link org.retort.orm.annotation.Relationship}), for {@link Registry#mapImperatively(Class,
 * org.retort.schema.Table, java.util.Map, java.util.Map)}. Immutable; each method returns a new spec.
 *
 * <pre>{@code
 * registry.mapImperatively(User.class, users, Map.of("id", "id", "name", "name"),
 *         Map.of("addresses", RelationshipSpec.relationship().backPopulates("user").cascade("all, delete-orphan")));
 * }</pre>
 */
public final class RelationshipSpec {
    private final String backPopulates;
    private final String secondary;
    private final String cascade;
    private final Lazy lazy;
    private final String orderBy;
    private final boolean viewOnly;
    private final boolean passiveDeletes;
    private final boolean postUpdate;
    private final List<String> foreignKeys;
    private final List<String> remoteSide;
    private final String mapKey;

    private RelationshipSpec(String backPopulates, String secondary, String cascade, Lazy lazy, String orderBy,
            boolean viewOnly, boolean passiveDeletes, boolean postUpdate, List<String> foreignKeys,
            List<String> remoteSide, String mapKey) {
        this.backPopulates = backPopulates;
        this.secondary = secondary;
        this.cascade = cascade;
        this.lazy = lazy;
        this.orderBy = orderBy;
        this.viewOnly = viewOnly;
        this.passiveDeletes = passiveDeletes;
        this.postUpdate = postUpdate;
        this.foreignKeys = foreignKeys;
        this.remoteSide = remoteSide;
        this.mapKey = mapKey;
    }

    /** {@return a spec with the annotation's defaults (cascade "save-update, merge", lazy SELECT)} */
    public static RelationshipSpec relationship() {
        return new RelationshipSpec("", "", "save-update, merge", Lazy.SELECT, "", false, false, false, List.of(),
                List.of(), "");
    }

    /**
     * {@return a spec whose mirror relationship on the target is {@code name}}
     *
     * @param name the target's relationship field
     */
    public RelationshipSpec backPopulates(String name) {
        return new RelationshipSpec(Objects.requireNonNull(name), secondary, cascade, lazy, orderBy, viewOnly,
                passiveDeletes, postUpdate, foreignKeys, remoteSide, mapKey);
    }

    /**
     * {@return a many-to-many spec through an association table}
     *
     * @param table the association table's name
     */
    public RelationshipSpec secondary(String table) {
        return new RelationshipSpec(backPopulates, Objects.requireNonNull(table), cascade, lazy, orderBy, viewOnly,
                passiveDeletes, postUpdate, foreignKeys, remoteSide, mapKey);
    }

    /**
     * {@return a spec with these cascades}
     *
     * @param cascades SQLAlchemy's cascade string, e.g. {@code "all, delete-orphan"}
     */
    public RelationshipSpec cascade(String cascades) {
        return new RelationshipSpec(backPopulates, secondary, Objects.requireNonNull(cascades), lazy, orderBy,
                viewOnly, passiveDeletes, postUpdate, foreignKeys, remoteSide, mapKey);
    }

    /**
     * {@return a spec loading this way by default}
     *
     * @param strategy the default strategy
     */
    public RelationshipSpec lazy(Lazy strategy) {
        return new RelationshipSpec(backPopulates, secondary, cascade, Objects.requireNonNull(strategy), orderBy,
                viewOnly, passiveDeletes, postUpdate, foreignKeys, remoteSide, mapKey);
    }

    /**
     * {@return a spec whose collection loads ordered}
     *
     * @param attributes target attributes, each optionally followed by asc or desc, comma separated
     */
    public RelationshipSpec orderBy(String attributes) {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, Objects.requireNonNull(attributes),
                viewOnly, passiveDeletes, postUpdate, foreignKeys, remoteSide, mapKey);
    }

    /** {@return a spec the flush never writes through} */
    public RelationshipSpec viewOnly() {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, orderBy, true, passiveDeletes, postUpdate,
                foreignKeys, remoteSide, mapKey);
    }

    /** {@return a spec that leaves unloaded children of a deleted parent to the database} */
    public RelationshipSpec passiveDeletes() {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, orderBy, viewOnly, true, postUpdate,
                foreignKeys, remoteSide, mapKey);
    }

    /** {@return a spec written by a second UPDATE after both rows exist} */
    public RelationshipSpec postUpdate() {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, orderBy, viewOnly, passiveDeletes, true,
                foreignKeys, remoteSide, mapKey);
    }

    /**
     * {@return a spec joining on these foreign key attributes}
     *
     * @param attributes the attributes holding the foreign key
     */
    public RelationshipSpec foreignKeys(String... attributes) {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, orderBy, viewOnly, passiveDeletes,
                postUpdate, List.of(attributes), remoteSide, mapKey);
    }

    /**
     * {@return a self-referential spec whose remote side is these attributes}
     *
     * @param attributes the parent's key attributes
     */
    public RelationshipSpec remoteSide(String... attributes) {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, orderBy, viewOnly, passiveDeletes,
                postUpdate, foreignKeys, List.of(attributes), mapKey);
    }

    /**
     * {@return a map collection spec keyed by a target attribute}
     *
     * @param attribute the key attribute
     */
    public RelationshipSpec mapKey(String attribute) {
        return new RelationshipSpec(backPopulates, secondary, cascade, lazy, orderBy, viewOnly, passiveDeletes,
                postUpdate, foreignKeys, remoteSide, Objects.requireNonNull(attribute));
    }

    /**
     * {@return the settings of the relationship property}
     *
     * @param where the relationship, for error messages
     */
    RelationshipProperty.Settings settings(String where) {
        return new RelationshipProperty.Settings(backPopulates, secondary, Cascade.parse(cascade, where), lazy,
                orderBy, viewOnly, passiveDeletes, postUpdate, foreignKeys, remoteSide, mapKey);
    }
}
