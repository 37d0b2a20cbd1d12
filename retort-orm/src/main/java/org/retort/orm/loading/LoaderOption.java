package org.retort.orm.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.Aliased;
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

    private final List<Step> path;
    private final Class<?> criteriaEntity;
    private final Expression<?> criteria;
    private final Aliased<?> eagerAlias;

    private LoaderOption(List<Step> path) {
        this(path, null, null, null);
    }

    private LoaderOption(List<Step> path, Class<?> criteriaEntity, Expression<?> criteria, Aliased<?> eagerAlias) {
        this.path = List.copyOf(path);
        this.criteriaEntity = criteriaEntity;
        this.criteria = criteria;
        this.eagerAlias = eagerAlias;
    }

    static LoaderOption of(List<Step> path) {
        return new LoaderOption(path);
    }

    static LoaderOption criteria(Class<?> entity, Expression<?> criteria) {
        return new LoaderOption(List.of(), entity, criteria, null);
    }

    static LoaderOption containsEager(RelationshipAttribute<?, ?> attribute, Aliased<?> alias) {
        Objects.requireNonNull(attribute, "attribute");
        return new LoaderOption(List.of(new Step(attribute.entity(), attribute.attributeName(), Lazy.CONTAINS_EAGER)),
                null, null, alias);
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
                && Objects.equals(l.criteria, criteria) && Objects.equals(l.eagerAlias, eagerAlias);
    }

    @Override
    public int hashCode() {
        return Objects.hash(path, criteriaEntity, criteria, eagerAlias);
    }

    @Override
    public String toString() {
        if (criteria != null) {
            return "withLoaderCriteria(" + criteriaEntity.getSimpleName() + ", " + criteria + ")";
        }
        StringBuilder b = new StringBuilder();
        for (Step s : path) {
            b.append(b.isEmpty() ? "" : ".").append(s.strategy().name().toLowerCase(java.util.Locale.ROOT))
                    .append("load(").append(s.entity().getSimpleName()).append('.').append(s.attribute()).append(')');
        }
        return b.toString();
    }
}
