package org.retort.bench.workload;

import static org.retort.orm.Orm.select;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.Workload;
import org.retort.bench.workload.Graph.Child;
import org.retort.bench.workload.Graph.JdbcChild;
import org.retort.bench.workload.Graph.JdbcParent;
import org.retort.bench.workload.Graph.Parent;
import org.retort.orm.Session;
import org.retort.orm.loading.Load;

/**
 * Loading a graph (issue #10): every parent of {@code bench_parent} (10,000 at full size) with its 10 children,
 * into objects whose {@code children} lists are filled. Two workloads:
 * <ul>
 *   <li>{@code load_selectin}: the ORM with {@code Load.selectinload(Parent_.children)} (the parents, then the
 *   children by {@code parent_id IN (...)} batches) against two hand-written queries (the parents; the
 *   children, grouped into their parents' lists through a map by id);</li>
 *   <li>{@code load_joined}: the ORM with {@code Load.joinedload(Parent_.children)} (one LEFT OUTER JOIN, rows
 *   de-duplicated into parents) against the same hand-written join, grouped through a map by parent id.</li>
 * </ul>
 * {@code load_selectin} has a second hand-written contender, {@code jdbc-in}: the statements selectinload runs
 * (the children by {@code parent_id IN (...)} of 500 parents at a time), so that the ORM's ratio to the floor
 * splits into what the strategy's SQL costs the database and what the ORM adds to it.
 * Verified: n parents, 10n children, and a checksum of every (parent, child) pair's ids and names.
 */
public final class RelationshipLoad implements Workload {
    private final boolean joined;

    private RelationshipLoad(boolean joined) {
        this.joined = joined;
    }

    /** @return the selectinload workload */
    public static RelationshipLoad selectin() {
        return new RelationshipLoad(false);
    }

    /** @return the joinedload workload */
    public static RelationshipLoad joined() {
        return new RelationshipLoad(true);
    }

    @Override
    public String name() {
        return joined ? "load_joined" : "load_selectin";
    }

    @Override
    public String description() {
        return joined ? "n parents with 10 children each, one LEFT OUTER JOIN (ORM joinedload)"
                : "n parents with 10 children each, parents then children by IN (ORM selectinload)";
    }

    @Override
    public int fullSize() {
        return 10_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return joined ? List.of(new Jdbc(true), new Orm(true)) : List.of(new Jdbc(false), new JdbcIn(), new Orm(false));
    }

    @Override
    public void setUp(BenchContext ctx, int n) throws Exception {
        Graph.load(ctx, n);
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) {
        Workload.expect(name() + ": (parent, child) pairs loaded", (long) n * Graph.CHILDREN, outcome.count());
        Workload.expect(name() + ": checksum of the pairs", Graph.loaded(n).value(), outcome.checksum());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(Graph.CHILD, Graph.PARENT);
    }

    /** Reads every parent into records, by id and in row order (the hand-written contenders' first query). */
    private static void readParents(Connection c, Map<Integer, JdbcParent> byId, List<JdbcParent> out)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM " + Graph.PARENT);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                JdbcParent p = new JdbcParent(rs.getInt(1), rs.getString(2), new ArrayList<>());
                byId.put(p.id(), p);
                out.add(p);
            }
        }
    }

    /** Reads child rows (id, parent_id, name) into their parents' lists. */
    private static void readChildren(ResultSet rs, Map<Integer, JdbcParent> byId) throws SQLException {
        while (rs.next()) {
            JdbcChild child = new JdbcChild(rs.getInt(1), rs.getInt(2), rs.getString(3));
            byId.get(child.parentId()).children().add(child);
        }
    }

    /** The floor: two queries (or one join) and a map by parent id, into records. */
    private record Jdbc(boolean joined) implements Variant<List<JdbcParent>> {
        @Override
        public String contender() {
            return FLOOR;
        }

        @Override
        public List<JdbcParent> run(BenchContext ctx, int n) throws Exception {
            Map<Integer, JdbcParent> byId = joined ? new LinkedHashMap<>() : new HashMap<>(n * 2);
            List<JdbcParent> out = new ArrayList<>(n);
            try (Connection c = ctx.jdbc().getConnection()) {
                if (joined) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT p.id, p.name, c.id, c.parent_id, c.name FROM "
                            + Graph.PARENT + " p LEFT OUTER JOIN " + Graph.CHILD + " c ON p.id = c.parent_id");
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int id = rs.getInt(1);
                            JdbcParent p = byId.get(id);
                            if (p == null) {
                                p = new JdbcParent(id, rs.getString(2), new ArrayList<>());
                                byId.put(id, p);
                                out.add(p);
                            }
                            int childId = rs.getInt(3);
                            if (!rs.wasNull()) {
                                p.children().add(new JdbcChild(childId, rs.getInt(4), rs.getString(5)));
                            }
                        }
                    }
                } else {
                    readParents(c, byId, out);
                    try (PreparedStatement ps = c.prepareStatement("SELECT id, parent_id, name FROM " + Graph.CHILD);
                         ResultSet rs = ps.executeQuery()) {
                        readChildren(rs, byId);
                    }
                }
            }
            return out;
        }

        @Override
        public Outcome outcome(List<JdbcParent> result) {
            Checksum sum = new Checksum();
            for (JdbcParent p : result) {
                for (JdbcChild c : p.children()) {
                    sum.add(p.id(), p.name(), c.id(), c.name());
                }
            }
            return sum.outcome();
        }
    }

    /**
     * Raw JDBC running selectinload's statements: the parents, then their children by {@code parent_id IN (...)} of
     * 500 parents at a time (one prepared statement, rebound per batch; a short last batch repeats its last key,
     * which matches its rows once), grouped through a map by id.
     */
    private record JdbcIn() implements Variant<List<JdbcParent>> {
        private static final int BATCH = 500;

        @Override
        public String contender() {
            return "jdbc-in";
        }

        @Override
        public List<JdbcParent> run(BenchContext ctx, int n) throws Exception {
            Map<Integer, JdbcParent> byId = new HashMap<>(n * 2);
            List<JdbcParent> out = new ArrayList<>(n);
            try (Connection c = ctx.jdbc().getConnection()) {
                readParents(c, byId, out);
                StringBuilder sql = new StringBuilder("SELECT id, parent_id, name FROM " + Graph.CHILD
                        + " WHERE parent_id IN (");
                for (int k = 0; k < BATCH; k++) {
                    sql.append(k == 0 ? "?" : ", ?");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.append(')').toString())) {
                    for (int from = 0; from < out.size(); from += BATCH) {
                        int to = Math.min(out.size(), from + BATCH);
                        for (int k = 0; k < BATCH; k++) {
                            ps.setInt(k + 1, out.get(Math.min(from + k, to - 1)).id());
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            readChildren(rs, byId);
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public Outcome outcome(List<JdbcParent> result) {
            return new Jdbc(false).outcome(result);
        }
    }

    /** The ORM: {@code session.scalars(select(Parent.class).options(Load.selectinload/joinedload(...))).all()}. */
    private record Orm(boolean joined) implements Variant<List<Parent>> {
        @Override
        public String contender() {
            return "orm";
        }

        @Override
        public List<Parent> run(BenchContext ctx, int n) {
            try (Session session = Graph.sessions(ctx.engine()).open()) {
                return session.scalars(select(Parent.class).options(joined
                        ? Load.joinedload(Graph.PARENT_CHILDREN) : Load.selectinload(Graph.PARENT_CHILDREN))).all();
            }
        }

        @Override
        public Outcome outcome(List<Parent> result) {
            Checksum sum = new Checksum();
            for (Parent p : result) {
                for (Child c : p.children) {
                    if (!p.id.equals(c.parentId)) {
                        throw new org.retort.bench.harness.VerificationException("child " + c.id
                                + " loaded into the list of parent " + p.id);
                    }
                    sum.add(p.id, p.name, c.id, c.name);
                }
            }
            return sum.outcome();
        }
    }
}
