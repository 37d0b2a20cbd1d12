package org.retort.orm.internal.loading;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.retort.exc.ArgumentException;
import org.retort.orm.Aliased;
import org.retort.orm.OrmSelect;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.loading.LoaderOption;
import org.retort.orm.mapping.ColumnProperty;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipProperty;
import org.retort.sql.Expression;
import org.retort.sql.Select;

/**
 * What a query loads, as a tree over relationship paths (SQLAlchemy's compiled loader options): each node is a
 * mapper at a path, with the strategy the options chose for its relationships and the nodes of the targets.
 * Relationships no option names load as mapped ({@link RelationshipProperty#lazy()}); in strict loading mode a
 * lazy collection raises instead.
 */
final class LoadPlan {
    private final Mapper<?> mapper;
    private final Map<String, Lazy> explicit = new HashMap<>();
    private Lazy wildcard;
    private final Map<String, LoadPlan> children = new HashMap<>();
    private final Set<String> joined = new HashSet<>();
    /** The parents' query, for a subquery load from the queried entity; null below it. */
    private final Select statement;
    /** Root nodes by mapper, only on the plan of a statement. */
    private final Map<Mapper<?>, LoadPlan> roots;
    /** Conditions added to every load of a class ({@code withLoaderCriteria}), shared by all nodes of a plan. */
    private final Map<Class<?>, List<Expression<?>>> criteria;
    /** The aliases of {@code containsEager} relationships joined to an aliased target. */
    private final Map<String, Aliased<?>> eagerAliases = new HashMap<>();
    /** The column rules ({@code defer}, {@code undefer}, {@code loadOnly}) for this node's class, in order. */
    private final List<LoaderOption.ColumnRule> columnRules = new ArrayList<>();
    private Columns columns;

    /**
     * Which columns of a class a load reads: the properties in select order, and for each property (by index)
     * its position among them, -1 when deferred. {@link #ALL} when every column loads.
     *
     * @param loaded the loaded properties, in select order
     * @param positions property index to position, -1 for a deferred column; null when all load
     */
    record Columns(List<ColumnProperty> loaded, int[] positions) {
        static final Columns ALL = new Columns(null, null);

        /** {@return the loaded columns through a FROM item (a table, alias or subquery)} */
        List<Expression<?>> through(Mapper<?> m, java.util.function.Function<ColumnProperty, Expression<?>> col) {
            List<Expression<?>> out = new ArrayList<>();
            for (ColumnProperty p : loaded == null ? m.properties() : loaded) {
                out.add(col.apply(p));
            }
            return out;
        }

        int width(Mapper<?> m) {
            return loaded == null ? m.properties().size() : loaded.size();
        }
    }

    /** {@return which columns this node's loads read} */
    Columns columns() {
        Columns c = columns;
        if (c == null) {
            c = computeColumns();
            columns = c;
        }
        return c;
    }

    private Columns computeColumns() {
        if (columnRules.isEmpty() && mapper.properties().stream().noneMatch(ColumnProperty::isDeferred)) {
            return Columns.ALL; // the common case: nothing deferred, nothing to compute per query
        }
        java.util.Set<String> deferred = new java.util.HashSet<>();
        for (ColumnProperty p : mapper.properties()) {
            if (p.isDeferred()) {
                deferred.add(p.name());
            }
        }
        for (LoaderOption.ColumnRule rule : columnRules) {
            for (String name : rule.attributes()) {
                mapper.property(name); // fails clearly for a name that is not a column of the class
            }
            switch (rule.kind()) {
                case DEFER -> deferred.addAll(rule.attributes());
                case UNDEFER -> rule.attributes().forEach(deferred::remove);
                case LOAD_ONLY -> {
                    deferred.clear();
                    for (ColumnProperty p : mapper.properties()) {
                        if (!rule.attributes().contains(p.name())) {
                            deferred.add(p.name());
                        }
                    }
                }
            }
        }
        for (ColumnProperty pk : mapper.primaryKey()) {
            deferred.remove(pk.name()); // the key always loads: it is the object's identity
        }
        if (deferred.isEmpty()) {
            return Columns.ALL;
        }
        List<ColumnProperty> loaded = new ArrayList<>();
        int[] positions = new int[mapper.properties().size()];
        for (ColumnProperty p : mapper.properties()) {
            positions[p.index()] = deferred.contains(p.name()) ? -1 : loaded.size();
            if (!deferred.contains(p.name())) {
                loaded.add(p);
            }
        }
        return new Columns(List.copyOf(loaded), positions);
    }

    private LoadPlan(Mapper<?> mapper, Select statement, Map<Mapper<?>, LoadPlan> roots,
            Map<Class<?>, List<Expression<?>>> criteria) {
        this.mapper = mapper;
        this.statement = statement;
        this.roots = roots;
        this.criteria = criteria;
    }

    /** The plan of a node that no option reaches: every relationship loads as mapped. */
    static LoadPlan defaults(Mapper<?> m) {
        return new LoadPlan(m, null, null, Map.of());
    }

    /** A node that no option reaches, keeping the plan's loader criteria. */
    private LoadPlan defaultsFor(Mapper<?> m) {
        return new LoadPlan(m, null, null, criteria);
    }

    /**
     * {@return the conditions every load of a class gets in this plan; empty for none}
     *
     * @param m the class's mapper
     */
    List<Expression<?>> criteriaFor(Mapper<?> m) {
        List<Expression<?>> c = criteria.get(m.entityClass());
        return c == null ? List.of() : c;
    }

    /** {@return the alias a containsEager relationship's rows come from, or null for the target's table} */
    Aliased<?> eagerAlias(RelationshipProperty r) {
        return eagerAliases.get(r.name());
    }

    /** The plan of a statement: one root per selected entity, the options applied along their paths. */
    static LoadPlan of(OrmSelect<?> stmt) {
        Map<Mapper<?>, LoadPlan> roots = new LinkedHashMap<>();
        Map<Class<?>, List<Expression<?>>> criteria = new HashMap<>();
        for (LoaderOption option : stmt.loadOptions()) {
            if (option.criteria() != null) {
                criteria.computeIfAbsent(option.criteriaEntity(), k -> new ArrayList<>()).add(option.criteria());
            }
        }
        for (OrmSelect.Item item : stmt.items()) {
            if (item instanceof OrmSelect.EntityItem e) {
                roots.putIfAbsent(e.mapper(), new LoadPlan(e.mapper(), stmt.statement(), null, criteria));
            }
        }
        LoadPlan plan = new LoadPlan(null, stmt.statement(), roots, criteria);
        for (LoaderOption option : stmt.loadOptions()) {
            if (option.path().isEmpty()) {
                if (option.columnRule() != null) {
                    rootFor(roots, new LoaderOption.Step(option.columnRule().entity(), "", Lazy.SELECT), option)
                            .columnRules.add(option.columnRule());
                }
                continue;
            }
            LoadPlan node = null;
            for (LoaderOption.Step step : option.path()) {
                if (node == null) {
                    node = rootFor(roots, step, option);
                } else if (!step.entity().isAssignableFrom(node.mapper.entityClass())) {
                    throw new ArgumentException("Loader option " + option + ": " + step.entity().getSimpleName() + "."
                            + step.attribute() + " does not continue from " + node.mapper.entityClass().getSimpleName()
                            + "; each step must be a relationship of the previous step's target");
                }
                if (step.attribute().equals("*")) {
                    node.wildcard = step.strategy();
                    break;
                }
                RelationshipProperty r = node.mapper.relationship(step.attribute());
                if (r.isWriteOnly()) {
                    throw new ArgumentException("Loader option " + option + ": " + r + " is write-only and never "
                            + "loads; read it with its select()");
                }
                node.explicit.put(r.name(), step.strategy());
                if (option.eagerAlias() != null) {
                    node.eagerAliases.put(r.name(), option.eagerAlias());
                }
                node = node.children.computeIfAbsent(r.name(), k -> new LoadPlan(r.target(), null, null, criteria));
            }
            if (option.columnRule() != null) {
                if (!option.columnRule().entity().isAssignableFrom(node.mapper.entityClass())) {
                    throw new ArgumentException("Loader option " + option + ": its columns are not of "
                            + node.mapper.entityClass().getSimpleName() + ", the target of its path");
                }
                node.columnRules.add(option.columnRule());
            }
        }
        return plan;
    }

    private static LoadPlan rootFor(Map<Mapper<?>, LoadPlan> roots, LoaderOption.Step step, LoaderOption option) {
        for (Map.Entry<Mapper<?>, LoadPlan> e : roots.entrySet()) {
            if (step.entity().isAssignableFrom(e.getKey().entityClass())) {
                return e.getValue();
            }
        }
        throw new ArgumentException("Loader option " + option + " starts at " + step.entity().getSimpleName()
                + ", which the query does not select; it selects " + roots.keySet().stream()
                .map(m -> m.entityClass().getSimpleName()).toList());
    }

    /** {@return the node of a selected entity} */
    LoadPlan root(Mapper<?> m) {
        LoadPlan p = roots == null ? null : roots.get(m);
        return p != null ? p : defaultsFor(m);
    }

    /** {@return the root nodes, by mapper} */
    Map<Mapper<?>, LoadPlan> roots() {
        return roots;
    }

    Mapper<?> mapper() {
        return mapper;
    }

    Select statement() {
        return statement;
    }

    /** {@return the strategy for a relationship of this node's mapper} */
    Lazy strategy(RelationshipProperty r, boolean strict) {
        Lazy s = explicit.get(r.name());
        if (s == null) {
            s = wildcard;
        }
        if (s == null) {
            s = r.lazy();
            if (strict && s == Lazy.SELECT && r.isCollection()) {
                s = Lazy.RAISE;
            }
        }
        return s;
    }

    /** {@return the node of a relationship's target} */
    LoadPlan child(RelationshipProperty r) {
        LoadPlan p = children.get(r.name());
        return p != null ? p : defaultsFor(r.target());
    }

    /** Records that the rows of the query itself load a relationship (joined eager loading). */
    void markJoined(RelationshipProperty r) {
        joined.add(r.name());
        children.putIfAbsent(r.name(), defaultsFor(r.target()));
    }

    boolean isJoined(RelationshipProperty r) {
        return joined.contains(r.name());
    }

    @Override
    public String toString() {
        return "LoadPlan[" + (mapper == null ? "statement" : mapper.entityClass().getSimpleName()) + " " + explicit
                + "]";
    }
}
