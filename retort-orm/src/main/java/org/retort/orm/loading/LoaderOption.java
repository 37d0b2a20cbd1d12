package org.retort.orm.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.Aliased;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.orm.metamodel.RelationshipAttribute;
import org.retort.sql.Expression;

/**
 * One loader option made by {@link Load}: a path of relationships from a queried entity, each step with the
 * strategy that loads it. Chain a step per relationship further along the path:
 * {@code selectinload(User_.orders).joinedload(Order_.items)}. Immutable.
 */
public final class LoaderOption {
    /**
     * One step of a path: a relationship of a class and the strategy that loads it.
     *
     * @param entity the class declaring the relationship
     * @param attribute the relationship's name, or {@code "*"} for every relationship of the class
     * @param strategy how it loads
     */
    public record Step(Class<?> entity, String attribute, Lazy strategy) {
    }

    /** What a column rule does. */
    public enum ColumnRuleKind {
        /** Leave the columns out. */
        DEFER,
        /** Load the columns although the mapping defers them. */
        UNDEFER,
        /** Load only these columns (and the primary key). */
        LOAD_ONLY
    }

    /**
     * Which columns of a class a query loads ({@code defer}, {@code undefer}, {@code loadOnly}).
     *
     * @param entity the class the columns belong to
     * @param kind what the rule does
     * @param attributes the column attributes' names
     */
    public record ColumnRule(Class<?> entity, ColumnRuleKind kind, List<String> attributes) {
    }

    private final List<Step> path;
    private final Class<?> criteriaEntity;
    private final Expression<?> criteria;
    private final Aliased<?> eagerAlias;
    private final ColumnRule columnRule;

    private LoaderOption(List<Step> path) {
        this(path, null, null, null, null);
    }

    private LoaderOption(List<Step> path, Class<?> criteriaEntity, Expression<?> criteria, Aliased<?> eagerAlias,
            ColumnRule columnRule) {
        this.path = List.copyOf(path);
        this.criteriaEntity = criteriaEntity;
        this.criteria = criteria;
        this.eagerAlias = eagerAlias;
        this.columnRule = columnRule;
    }

    static LoaderOption columns(ColumnRuleKind kind, ColumnAttribute<?, ?>... attributes) {
        return new LoaderOption(List.of(), null, null, null, rule(kind, attributes));
    }

    private static ColumnRule rule(ColumnRuleKind kind, ColumnAttribute<?, ?>... attributes) {
        if (attributes.length == 0) {
            throw new org.retort.exc.ArgumentException(kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " needs at least one column attribute");
        }
        List<String> names = new ArrayList<>();
        Class<?> entity = attributes[0].entity();
        for (ColumnAttribute<?, ?> a : attributes) {
            if (a.entity() != entity) {
                throw new org.retort.exc.ArgumentException("The columns of one " + kind + " must belong to one class; "
                        + a + " is not of " + entity.getSimpleName());
            }
            names.add(a.attributeName());
        }
        return new ColumnRule(entity, kind, List.copyOf(names));
    }

    /** {@return which columns the target of the path (or the entity, for a path-less option) loads; or null} */
    public ColumnRule columnRule() {
        return columnRule;
    }

    /**
     * Then leaves columns of the related class out of its load.
     *
     * @param attributes columns of the last step's target
     * @return the longer option
     */
    public LoaderOption defer(ColumnAttribute<?, ?>... attributes) {
        return withRule(rule(ColumnRuleKind.DEFER, attributes));
    }

    /**
     * Then loads deferred columns of the related class.
     *
     * @param attributes columns of the last step's target
     * @return the longer option
     */
    public LoaderOption undefer(ColumnAttribute<?, ?>... attributes) {
        return withRule(rule(ColumnRuleKind.UNDEFER, attributes));
    }

    /**
     * Then loads only these columns (and the key) of the related class.
     *
     * @param attributes columns of the last step's target
     * @return the longer option
     */
    public LoaderOption loadOnly(ColumnAttribute<?, ?>... attributes) {
        return withRule(rule(ColumnRuleKind.LOAD_ONLY, attributes));
    }

    private LoaderOption withRule(ColumnRule rule) {
        if (columnRule != null || criteria != null) {
            throw new org.retort.exc.ArgumentException("A loader option takes one column rule at the end of its path; "
                    + "give another option for more");
        }
        return new LoaderOption(path, null, null, eagerAlias, rule);
    }

    static LoaderOption of(List<Step> path) {
        return new LoaderOption(path);
    }

    static LoaderOption criteria(Class<?> entity, Expression<?> criteria) {
        return new LoaderOption(List.of(), entity, criteria, null, null);
    }

    static LoaderOption containsEager(RelationshipAttribute<?, ?> attribute, Aliased<?> alias) {
        Objects.requireNonNull(attribute, "attribute");
        return new LoaderOption(List.of(new Step(attribute.entity(), attribute.attributeName(), Lazy.CONTAINS_EAGER)),
                null, null, alias, null);
    }

    /** {@return for {@code withLoaderCriteria}, the class whose loads get the criteria; else null} */
    public Class<?> criteriaEntity() {
        return criteriaEntity;
    }

    /** {@return for {@code withLoaderCriteria}, the condition added to every load of its class; else null} */
    public Expression<?> criteria() {
        return criteria;
    }

    /** {@return for {@code containsEager} of an aliased join, the alias whose columns hold the related rows} */
    public Aliased<?> eagerAlias() {
        return eagerAlias;
    }

    static LoaderOption start(RelationshipAttribute<?, ?> attribute, Lazy strategy) {
        Objects.requireNonNull(attribute, "attribute");
        return new LoaderOption(List.of(new Step(attribute.entity(), attribute.attributeName(), strategy)));
    }

    private LoaderOption then(RelationshipAttribute<?, ?> attribute, Lazy strategy) {
        Objects.requireNonNull(attribute, "attribute");
        List<Step> p = new ArrayList<>(path);
        p.add(new Step(attribute.entity(), attribute.attributeName(), strategy));
        return new LoaderOption(p);
    }

    /** {@return the steps, from the queried entity outwards} */
    public List<Step> path() {
        return path;
    }

    /**
     * Then loads a relationship of the related class with a second SELECT ... IN.
     *
     * @param attribute the next relationship
     * @return the longer option
     */
    public LoaderOption selectinload(RelationshipAttribute<?, ?> attribute) {
        return then(attribute, Lazy.SELECTIN);
    }

    /**
     * Then loads a relationship of the related class by a LEFT OUTER JOIN.
     *
     * @param attribute the next relationship
     * @return the longer option
     */
    public LoaderOption joinedload(RelationshipAttribute<?, ?> attribute) {
        return then(attribute, Lazy.JOINED);
    }

    /**
     * Then loads a relationship of the related class by a subquery load.
     *
     * @param attribute the next relationship
     * @return the longer option
     */
    public LoaderOption subqueryload(RelationshipAttribute<?, ?> attribute) {
        return then(attribute, Lazy.SUBQUERY);
    }

    /**
     * Then loads a relationship of the related class lazily.
     *
     * @param attribute the next relationship
     * @return the longer option
     */
    public LoaderOption lazyload(RelationshipAttribute<?, ?> attribute) {
        return then(attribute, Lazy.SELECT);
    }

    /**
     * Then makes a relationship of the related class raise on access.
     *
     * @param attribute the next relationship
     * @return the longer option
     */
    public LoaderOption raiseload(RelationshipAttribute<?, ?> attribute) {
        return then(attribute, Lazy.RAISE);
    }

    /**
     * Then leaves a relationship of the related class unloaded (empty or null).
     *
     * @param attribute the next relationship
     * @return the longer option
     */
    public LoaderOption noload(RelationshipAttribute<?, ?> attribute) {
        return then(attribute, Lazy.NOLOAD);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LoaderOption l && l.path.equals(path) && Objects.equals(l.criteriaEntity, criteriaEntity)
                && Objects.equals(l.criteria, criteria) && Objects.equals(l.eagerAlias, eagerAlias)
                && Objects.equals(l.columnRule, columnRule);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, criteriaEntity, criteria, eagerAlias, columnRule);
    }

    @Override
    public String toString() {
        if (criteria != null) {
            return "withLoaderCriteria(" + criteriaEntity.getSimpleName() + ", " + criteria + ")";
        }
        StringBuilder b = new StringBuilder();
        if (path.isEmpty() && columnRule != null) {
            b.append(columnRule.entity().getSimpleName()).append(": ");
        }
        for (Step s : path) {
            b.append(b.isEmpty() ? "" : ".").append(s.strategy().name().toLowerCase(java.util.Locale.ROOT))
                    .append("load(").append(s.entity().getSimpleName()).append('.').append(s.attribute()).append(')');
        }
        if (columnRule != null) {
            b.append(path.isEmpty() ? "" : ".").append(columnRule.kind().name().toLowerCase(java.util.Locale.ROOT))
                    .append(columnRule.attributes());
        }
        return b.toString();
    }
}
