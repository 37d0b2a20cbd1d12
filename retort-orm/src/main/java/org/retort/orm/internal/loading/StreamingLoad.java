package org.retort.orm.internal.loading;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.retort.engine.ExecutionOptions;
import org.retort.engine.Result;
import org.retort.engine.Row;
import org.retort.exc.ArgumentException;
import org.retort.orm.OrmResult;
import org.retort.orm.OrmRow;
import org.retort.orm.OrmSelect;
import org.retort.orm.annotation.Lazy;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.WeakStates;
import org.retort.orm.mapping.Mapper;
import org.retort.orm.mapping.RelationshipProperty;

/**
 * An ORM SELECT loaded batch by batch (SQLAlchemy's {@code yield_per}): the Core result streams the rows
 * ({@code fetchSize} n); each batch of up to n rows becomes objects through the identity map, then the batch's
 * relationships load as the plan says (one SELECT ... IN per selectin relationship per batch), and only then is the
 * batch handed out. Objects loaded while the result is open are held weakly by the session ({@link WeakStates}):
 * when the program moves on to the next batch, those of the last one that it did not modify become collectable.
 */
public final class StreamingLoad implements Iterator<List<Object>>, AutoCloseable {
    private final SessionCore core;
    private final OrmSelect<?> stmt;
    private final List<OrmSelect.Item> items;
    private final Loader.Layout layout;
    private final LoadPlan plan;
    private final int size;
    private final Result rows;
    private final Iterator<Row> cursor;
    private final WeakStates weak;
    private List<Object> next;
    private boolean closed;

    private StreamingLoad(SessionCore core, OrmSelect<?> stmt, Map<String, ?> params, ExecutionOptions options) {
        this.core = core;
        this.stmt = stmt;
        this.items = stmt.items();
        this.size = options.yieldPer().orElseThrow();
        this.plan = LoadPlan.of(stmt);
        refuseJoinedLoads(stmt, plan, core);
        this.layout = Loader.Layout.of(stmt, plan, Loader.withRootCriteria(stmt, plan));
        this.weak = core.weakStates();
        this.rows = core.connection().execute(layout.sql(), params, options);
        this.cursor = rows.iterator();
        weak.openStream();
    }

    /**
     * Runs an ORM SELECT whose rows load batch by batch as the result is read.
     *
     * @param core the session
     * @param stmt the statement
     * @param params bind parameter values
     * @param options the execution options, with {@code yieldPer}
     * @return a streaming result; read once, closed at the end or by {@link OrmResult#close()}
     */
    public static OrmResult query(SessionCore core, OrmSelect<?> stmt, Map<String, ?> params,
            ExecutionOptions options) {
        StreamingLoad load = new StreamingLoad(core, stmt, params, options);
        return OrmResult.streaming(load.size, load.items.size() == 1, load, load);
    }

    /**
     * Eager loaders that read the related rows with the parents' rows cannot stop at a batch boundary (a parent's
     * collection may continue in the next batch), and a subquery load re-runs the whole parents' query: refused,
     * as SQLAlchemy refuses them with {@code yield_per}.
     */
    private static void refuseJoinedLoads(OrmSelect<?> stmt, LoadPlan plan, SessionCore core) {
        if (JoinedLoad.of(stmt, plan) != null) {
            throw new ArgumentException("yieldPer cannot be combined with joined eager loading (joinedload, "
                    + "containsEager or lazy = JOINED) of " + joinedNames(stmt, plan, core) + ": the related rows "
                    + "come with the parents' rows, so a batch boundary could split a parent's collection. Use "
                    + "selectinload(...), which loads each batch's related objects with one more SELECT, or "
                    + "lazyload(...) for these relationships");
        }
        for (Map.Entry<Mapper<?>, LoadPlan> root : plan.roots().entrySet()) {
            for (RelationshipProperty r : root.getKey().relationships()) {
                if (!r.isWriteOnly() && root.getValue().strategy(r, core.factory().strictLoading()) == Lazy.SUBQUERY) {
                    throw new ArgumentException("yieldPer cannot be combined with subqueryload of " + r + ": a "
                            + "subquery load runs the whole query again for the related rows. Use selectinload("
                            + r.name() + "), which loads each batch's related objects with one more SELECT");
                }
            }
        }
    }

    private static String joinedNames(OrmSelect<?> stmt, LoadPlan plan, SessionCore core) {
        List<String> names = new ArrayList<>();
        for (Map.Entry<Mapper<?>, LoadPlan> root : plan.roots().entrySet()) {
            for (RelationshipProperty r : root.getKey().relationships()) {
                Lazy s = root.getValue().strategy(r, core.factory().strictLoading());
                if (s == Lazy.JOINED || s == Lazy.CONTAINS_EAGER) {
                    names.add(r.toString());
                }
            }
        }
        return names.isEmpty() ? stmt.items().toString() : String.join(", ", names);
    }

    @Override
    public boolean hasNext() {
        if (next == null && !closed) {
            try {
                next = load();
            } catch (RuntimeException e) {
                closeAfterFailure(e);
                throw e;
            }
            if (next.isEmpty()) {
                next = null;
                close();
            }
        }
        return next != null;
    }

    @Override
    public List<Object> next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        List<Object> batch = next;
        next = null;
        return batch;
    }

    /** Reads up to {@code size} rows into objects (or rows) and loads their relationships. */
    private List<Object> load() {
        weak.releaseBatch(); // the program is done with the last batch
        List<Object> out = new ArrayList<>(size);
        LoadContext ctx = new LoadContext(core);
        boolean populateExisting = stmt.isPopulateExisting();
        LoadContext.Node[] nodes = new LoadContext.Node[items.size()];
        for (int i = 0; i < nodes.length; i++) {
            if (items.get(i) instanceof OrmSelect.EntityItem e && !e.mapper().relationships().isEmpty()) {
                nodes[i] = ctx.node(plan.root(e.mapper()));
            }
        }
        int[] starts = layout.starts();
        int[][] positions = layout.positions();
        while (out.size() < size && cursor.hasNext()) {
            Object[] raw = cursor.next().toArray();
            Object[] values = new Object[items.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = items.get(i) instanceof OrmSelect.EntityItem e
                        ? Loader.entity(core, e.mapper(), raw, starts[i], positions[i], populateExisting, nodes[i])
                        : raw[starts[i]];
            }
            out.add(values.length == 1 ? values[0] : new OrmRow(values));
        }
        ctx.finish();
        return out;
    }

    private void closeAfterFailure(RuntimeException failure) {
        try {
            close();
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** Closes the cursor and releases the last batch; safe to call more than once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        next = null;
        try {
            rows.close();
        } finally {
            weak.closeStream();
        }
    }
}
