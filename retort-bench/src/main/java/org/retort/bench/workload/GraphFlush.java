package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Outcome;
import org.retort.bench.harness.Variant;
import org.retort.bench.harness.VerificationException;
import org.retort.bench.harness.Workload;
import org.retort.bench.workload.Graph.Child;
import org.retort.bench.workload.Graph.Parent;
import org.retort.orm.Session;

/**
 * Committing a graph in one step (issue #10): n new parents (1,000 at full size) with 10 new children each. The
 * ORM adds the parents ({@code session.addAll}, the children follow by the save-update cascade), and
 * {@code commit()} inserts the parents, copies each one's generated key into its children and inserts them, all
 * as multi-row {@code INSERT ... RETURNING id}. The floor does the same by hand: multi-row INSERTs of 1,000
 * parents returning their ids, then of 1,000 children with those ids. Verified: every object and record got its
 * id, the tables hold exactly the graph, each child under its own parent.
 */
public final class GraphFlush implements Workload {
    private static final int CHUNK = 1000;

    @Override
    public String name() {
        return "graph_flush";
    }

    @Override
    public String description() {
        return "n new parents with 10 new children each, flushed and committed in one step";
    }

    @Override
    public int fullSize() {
        return 10_000;
    }

    @Override
    public List<Variant<?>> variants() {
        return List.of(new Jdbc(), new Orm());
    }

    @Override
    public void beforePass(BenchContext ctx, int n) throws Exception {
        Graph.recreate(ctx);
    }

    @Override
    public void verify(BenchContext ctx, int n, Outcome outcome) throws Exception {
        long pairs = (long) n * Graph.CHILDREN;
        Workload.expect("graph_flush: children given ids", pairs, outcome.count());
        Workload.expect("graph_flush: parents in " + Graph.PARENT, n, ctx.queryLong("SELECT COUNT(*) FROM " + Graph.PARENT));
        Workload.expect("graph_flush: checksum of (parent id, child id) from the objects against the tables",
                ctx.checksum("SELECT parent_id, id FROM " + Graph.CHILD).value(), outcome.checksum());
        Workload.expect("graph_flush: (parent name, child name) pairs in the tables", Graph.names(n).value(),
                ctx.checksum("SELECT p.name, c.name FROM " + Graph.PARENT + " p JOIN " + Graph.CHILD
                        + " c ON c.parent_id = p.id").value());
    }

    @Override
    public void tearDown(BenchContext ctx) throws Exception {
        ctx.drop(Graph.CHILD, Graph.PARENT);
    }

    /** A multi-row INSERT of {@code rows} rows into a table's columns, returning the generated ids. */
    private static String insert(BenchContext ctx, String table, String columns, int width, int rows) {
        StringBuilder sb = new StringBuilder("INSERT INTO " + table + " (" + columns + ") VALUES ");
        String group = "(" + "?, ".repeat(width - 1) + "?)";
        for (int r = 0; r < rows; r++) {
            sb.append(r == 0 ? "" : ", ").append(group);
        }
        return ctx.database().returningIds(sb.toString());
    }

    /** The floor: multi-row INSERT ... RETURNING id of the parents, then of the children with their ids. */
    private static final class Jdbc implements Variant<long[][]> {
        @Override
        public String contender() {
            return FLOOR;
        }

        @Override
        public long[][] run(BenchContext ctx, int n) throws Exception {
            long[] parentIds = new long[n];
            long[][] pairs = new long[n * Graph.CHILDREN][];
            try (Connection c = ctx.jdbc().getConnection()) {
                c.setAutoCommit(false);
                int k = 0;
                for (int start = 0; start < n; start += CHUNK) {
                    int rows = Math.min(CHUNK, n - start);
                    try (PreparedStatement ps = c.prepareStatement(insert(ctx, Graph.PARENT, "name", 1, rows))) {
                        for (int i = 0; i < rows; i++) {
                            ps.setString(i + 1, Graph.parentName(start + i));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                parentIds[k++] = rs.getLong(1);
                            }
                        }
                    }
                }
                int total = n * Graph.CHILDREN;
                k = 0;
                for (int start = 0; start < total; start += CHUNK) {
                    int rows = Math.min(CHUNK, total - start);
                    try (PreparedStatement ps = c.prepareStatement(insert(ctx, Graph.CHILD, "parent_id, name", 2, rows))) {
                        int p = 1;
                        for (int r = start; r < start + rows; r++) {
                            int i = r / Graph.CHILDREN;
                            ps.setLong(p++, parentIds[i]);
                            ps.setString(p++, Graph.childName(i, r % Graph.CHILDREN));
                        }
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                pairs[k] = new long[] {parentIds[k / Graph.CHILDREN], rs.getLong(1)};
                                k++;
                            }
                        }
                    }
                }
                c.commit();
            }
            return pairs;
        }

        @Override
        public Outcome outcome(long[][] result) {
            Checksum sum = new Checksum();
            for (long[] pair : result) {
                if (pair == null) {
                    throw new VerificationException("graph_flush [jdbc]: a child got no id");
                }
                sum.add(pair[0], pair[1]);
            }
            return sum.outcome();
        }
    }

    /** The ORM: build the graph, {@code session.addAll(parents)}, {@code commit()}. */
    private static final class Orm implements Variant<List<Parent>> {
        @Override
        public String contender() {
            return "orm";
        }

        @Override
        public List<Parent> run(BenchContext ctx, int n) {
            List<Parent> parents = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Parent p = new Parent(Graph.parentName(i));
                for (int j = 0; j < Graph.CHILDREN; j++) {
                    p.children.add(new Child(Graph.childName(i, j)));
                }
                parents.add(p);
            }
            try (Session session = Graph.sessions(ctx.engine()).open()) {
                session.addAll(parents);
                session.commit();
            }
            return parents;
        }

        @Override
        public Outcome outcome(List<Parent> result) {
            Checksum sum = new Checksum();
            for (Parent p : result) {
                for (Child c : p.children) {
                    if (p.id == null || c.id == null || !p.id.equals(c.parentId)) {
                        throw new VerificationException("graph_flush [orm]: child " + c.name + " has id " + c.id
                                + " and parent id " + c.parentId + ", its parent " + p.id);
                    }
                    sum.add(c.parentId.longValue(), c.id.longValue());
                }
            }
            return sum.outcome();
        }
    }
}
