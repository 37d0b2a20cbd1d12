package org.retort.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.retort.bench.harness.BenchContext;
import org.retort.bench.harness.Checksum;
import org.retort.bench.harness.Database;
import org.retort.engine.Engine;
import org.retort.orm.Registry;
import org.retort.orm.SessionFactory;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.annotation.Relationship;
import org.retort.orm.metamodel.RelationshipAttribute;

/**
 * The object graph of the relationship workloads: parents ({@code bench_parent}) with {@value #CHILDREN} children
 * each ({@code bench_child}, foreign key {@code parent_id}), mapped as a one-to-many / many-to-one pair with
 * {@code backPopulates}, and the raw-JDBC floor's own records for the same rows. Parent {@code i} (from 0) is
 * {@code ("parent i")} with id {@code i + 1}; its child {@code j} is {@code ("child i.j")} with id
 * {@code i * 10 + j + 1}.
 */
public final class Graph {
    static final String PARENT = "bench_parent";
    static final String CHILD = "bench_child";
    /** Children per parent. */
    static final int CHILDREN = 10;

    private Graph() {
    }

    /** A parent, as the ORM maps it. */
    @Entity(table = PARENT)
    public static class Parent {
        @MappedColumn(primaryKey = true)
        Integer id;
        @MappedColumn(length = 255)
        String name;
        @Relationship(backPopulates = "parent", cascade = "all, delete-orphan")
        List<Child> children = new ArrayList<>();

        /** For the ORM. */
        public Parent() {
        }

        Parent(String name) {
            this.name = name;
        }
    }

    /** A child, as the ORM maps it. */
    @Entity(table = CHILD)
    public static class Child {
        @MappedColumn(primaryKey = true)
        Integer id;
        @MappedColumn(foreignKey = PARENT + ".id")
        Integer parentId;
        @MappedColumn(length = 255)
        String name;
        @Relationship(backPopulates = "children")
        Parent parent;

        /** For the ORM. */
        public Child() {
        }

        Child(String name) {
            this.name = name;
        }
    }

    /** {@code Parent.children}, as the metamodel would generate it. */
    static final RelationshipAttribute<Parent, Child> PARENT_CHILDREN =
            RelationshipAttribute.of(Parent.class, "children", Child.class);

    /** The registry of the two classes. */
    static final Registry REGISTRY = Registry.of(Parent.class, Child.class);

    /** The raw-JDBC floor's parent: a plain record with a list it fills. */
    record JdbcParent(int id, String name, List<JdbcChild> children) {
    }

    /** The raw-JDBC floor's child. */
    record JdbcChild(int id, int parentId, String name) {
    }

    static String parentName(int i) {
        return "parent " + i;
    }

    static String childName(int i, int j) {
        return "child " + i + "." + j;
    }

    /**
     * A session factory for the graph's classes with the ORM's defaults.
     *
     * @param engine the bench's engine
     * @return the factory
     */
    static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine).registry(REGISTRY).build();
    }

    /** Drops and creates both tables, empty. */
    static void recreate(BenchContext ctx) throws SQLException {
        ctx.drop(CHILD, PARENT);
        ctx.recreate(PARENT, "name VARCHAR(255)");
        ctx.execute("CREATE TABLE " + CHILD + " (" + ctx.database().identityColumn()
                + ", parent_id INTEGER REFERENCES " + PARENT + " (id), name VARCHAR(255))");
        // the foreign key is indexed, as a schema that loads children by parent has it (SQLAlchemy's docs advise
        // index=True on such a column): without it each selectinload batch scans the whole child table
        ctx.execute("CREATE INDEX " + CHILD + "_parent_id ON " + CHILD + " (parent_id)");
    }

    /** Fills both tables with {@code n} parents and their children, ids given; untimed setup. */
    static void load(BenchContext ctx, int n) throws SQLException {
        recreate(ctx);
        try (Connection c = ctx.jdbc().getConnection();
             PreparedStatement parents = c.prepareStatement("INSERT INTO " + PARENT + " (id, name) VALUES (?, ?)");
             PreparedStatement children = c.prepareStatement("INSERT INTO " + CHILD
                     + " (id, parent_id, name) VALUES (?, ?, ?)")) {
            c.setAutoCommit(false);
            for (int i = 0; i < n; i++) {
                parents.setInt(1, i + 1);
                parents.setString(2, parentName(i));
                parents.addBatch();
            }
            parents.executeBatch();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < CHILDREN; j++) {
                    children.setInt(1, i * CHILDREN + j + 1);
                    children.setInt(2, i + 1);
                    children.setString(3, childName(i, j));
                    children.addBatch();
                }
                if ((i + 1) % 500 == 0) {
                    children.executeBatch();
                }
            }
            children.executeBatch();
            c.commit();
        }
        if (ctx.database() == Database.POSTGRESQL) {
            // statistics, as autovacuum would gather them soon after a load: the planner picks the index for the
            // selectinload batches instead of guessing from an unanalysed table
            ctx.execute("ANALYZE " + PARENT, "ANALYZE " + CHILD);
        }
    }

    /** @return the checksum of (parent id, parent name, child id, child name) over the graph {@link #load} wrote */
    static Checksum loaded(int n) {
        Checksum sum = new Checksum();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < CHILDREN; j++) {
                sum.add(i + 1, parentName(i), i * CHILDREN + j + 1, childName(i, j));
            }
        }
        return sum;
    }

    /** @return the checksum of (parent name, child name) pairs of a graph of n parents, whatever the ids */
    static Checksum names(int n) {
        Checksum sum = new Checksum();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < CHILDREN; j++) {
                sum.add(parentName(i), childName(i, j));
            }
        }
        return sum;
    }
}
