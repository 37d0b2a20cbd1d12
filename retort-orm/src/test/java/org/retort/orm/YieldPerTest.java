package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.sql.Sql.text;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.engine.ExecutionOptions;
import org.retort.exc.ArgumentException;
import org.retort.exc.ResourceClosedException;
import org.retort.orm.GraphModel.Author;
import org.retort.orm.GraphModel.Author_;
import org.retort.orm.GraphModel.Post;
import org.retort.orm.internal.session.SessionCore;
import org.retort.orm.internal.state.WeakStates;
import org.retort.orm.loading.Load;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * ORM results streamed with {@code yieldPer} (SQLAlchemy's "Fetching Large Result Sets with Yield Per"): batches
 * in order and of the asked size, one object per row while the program holds it, selectinload once per batch,
 * modified objects kept for the flush, released ones gone from the identity map. On every backend.
 */
class YieldPerTest {

    private static Fixture setUp(TestDatabase db, int authors) {
        Engine engine = db.engine();
        Registry registry = GraphModel.registry();
        registry.metadata().createAll(engine);
        SessionFactory factory = SessionFactory.builder(engine).registry(registry).build();
        try (Session session = factory.open()) {
            for (int i = 0; i < authors; i++) {
                Author a = new Author(name(i));
                a.posts.add(new Post(name(i) + "-a"));
                a.posts.add(new Post(name(i) + "-b"));
                session.add(a);
            }
            session.commit();
        }
        return new Fixture(engine, factory, StatementLog.on(engine));
    }

    private record Fixture(Engine engine, SessionFactory factory, StatementLog log) {
    }

    private static String name(int i) {
        return String.format("author%04d", i);
    }

    @BackendTest
    void partitionsArriveInOrderWithTheAskedSizesAndSelectinLoadsOncePerBatch(TestDatabase db) {
        Fixture f = setUp(db, 23);
        try (Session session = f.factory().open()) {
            f.log().clear();
            List<Integer> sizes = new ArrayList<>();
            List<String> names = new ArrayList<>();
            List<Author> first = null;
            try (OrmResult result = session.execute(Orm.select(Author.class).orderBy(Author_.name)
                    .options(Load.selectinload(Author_.posts)).yieldPer(5))) {
                assertThat(result.isStreaming()).isTrue();
                int batch = 0;
                for (List<Author> part : result.<Author>scalars().partitions()) {
                    batch++;
                    sizes.add(part.size());
                    for (Author a : part) {
                        names.add(a.name);
                        assertThat(a.posts).extracting(p -> p.title).containsExactly(a.name + "-a", a.name + "-b");
                        assertThat(a.posts.get(0).author).isSameAs(a);
                    }
                    assertThat(f.log().count()).as("statements after batch " + batch + ": " + f.log().all())
                            .isEqualTo(1 + batch);
                    if (first == null) {
                        first = part;
                    }
                }
            }
            assertThat(sizes).containsExactly(5, 5, 5, 5, 3);
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 23; i++) {
                expected.add(name(i));
            }
            assertThat(names).isEqualTo(expected);
            assertThat(f.log().starting("SELECT")).hasSize(6);
            // the objects the program still holds are the session's: the same row gives the same object
            f.log().clear();
            Author held = first.get(0);
            assertThat(session.get(Author.class, held.id)).isSameAs(held);
            assertThat(f.log().count()).as("found in the identity map, no SQL").isZero();
            Author again = session.scalars(Orm.select(Author.class).where(Author_.name.eq(held.name))).one();
            assertThat(again).isSameAs(held);
        }
    }

    @BackendTest
    void rowsIterateLazilyAndTheResultIsReadOnce(TestDatabase db) {
        Fixture f = setUp(db, 7);
        try (Session session = f.factory().open()) {
            OrmResult result = session.execute(Orm.select(Author.class, Author_.name).orderBy(Author_.name),
                    Map.of(), ExecutionOptions.defaults().yieldPer(3));
            List<String> seen = new ArrayList<>();
            for (OrmRow row : result) {
                Author a = (Author) row.get(0);
                assertThat(row.get(1)).isEqualTo(a.name);
                seen.add(a.name);
            }
            assertThat(seen).hasSize(7).isSorted();
            assertThatThrownBy(result::iterator).isInstanceOf(ResourceClosedException.class)
                    .hasMessageContaining("once");
            // a result closed half way: the cursor is released and the session goes on
            try (OrmScalarResult<Author> authors = session.scalars(Orm.select(Author.class).orderBy(Author_.name)
                    .yieldPer(2))) {
                assertThat(authors.iterator().next().name).isEqualTo(name(0));
            }
            assertThat(session.scalars(Orm.select(Author.class)).all()).hasSize(7);
            session.commit();
            // all() reads what is left at once; a buffered result keeps working unchanged
            assertThat(session.scalars(Orm.select(Author_.name).yieldPer(4)).all()).hasSize(7);
            OrmResult buffered = session.execute(Orm.select(Author.class));
            assertThat(buffered.isStreaming()).isFalse();
            assertThat(buffered.all()).hasSize(7);
            assertThat(buffered.all()).hasSize(7);
            assertThat(buffered.partitions(3)).extracting(List::size).containsExactly(3, 3, 1);
            assertThatThrownBy(buffered::partitions).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("yieldPer");
        }
    }

    @BackendTest
    void eagerLoadersThatCannotLoadBatchWiseAreRefused(TestDatabase db) {
        Fixture f = setUp(db, 2);
        try (Session session = f.factory().open()) {
            assertThatThrownBy(() -> session.execute(Orm.select(Author.class)
                    .options(Load.joinedload(Author_.posts)).yieldPer(10)))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("yieldPer cannot be combined with joined eager loading")
                    .hasMessageContaining("posts")
                    .hasMessageContaining("selectinload");
            assertThatThrownBy(() -> session.execute(Orm.select(Author.class)
                    .options(Load.subqueryload(Author_.posts)).yieldPer(10)))
                    .isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("subqueryload")
                    .hasMessageContaining("selectinload");
            assertThatThrownBy(() -> Orm.select(Author.class).yieldPer(0)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("at least 1");
            // nothing was left open: the session still works
            assertThat(session.scalars(Orm.select(Author.class)).all()).hasSize(2);
        }
    }

    @BackendTest
    void anObjectModifiedInAnEarlierPartitionIsFlushedAfterTheProgramDropsIt(TestDatabase db) {
        Fixture f = setUp(db, 40);
        try (Session session = f.factory().open()) {
            try (OrmScalarResult<Author> authors = session.scalars(Orm.select(Author.class).orderBy(Author_.name)
                    .yieldPer(10))) {
                int i = 0;
                for (List<Author> part : authors.partitions()) {
                    if (i == 0) {
                        part.get(3).name = "renamed in the first batch";
                    }
                    i++;
                }
            }
            collectGarbage();
            session.commit();
        }
        try (Connection c = f.engine().connect()) {
            assertThat(c.execute(text("SELECT count(*) FROM author WHERE name = 'renamed in the first batch'"))
                    .scalar()).asString().isEqualTo("1");
            assertThat(c.execute(text("SELECT count(*) FROM author WHERE name = :n"), Map.of("n", name(3)))
                    .scalar()).asString().isEqualTo("0");
        }
    }

    @BackendTest
    void releasedObjectsLeaveTheIdentityMapAndHeldOnesStay(TestDatabase db) {
        Fixture f = setUp(db, 300);
        try (Session session = f.factory().open()) {
            List<WeakReference<Author>> released = new ArrayList<>();
            Author kept = null;
            try (OrmScalarResult<Author> authors = session.scalars(Orm.select(Author.class).orderBy(Author_.name)
                    .yieldPer(50))) {
                for (List<Author> part : authors.partitions()) {
                    for (Author a : part) {
                        if (kept == null) {
                            kept = a;
                        } else {
                            released.add(new WeakReference<>(a));
                        }
                    }
                }
            }
            assertThat(released).hasSize(299);
            collectGarbage();
            assertThat(released.stream().filter(r -> r.get() != null).count())
                    .as("objects the program dropped are collected: the session holds none of them").isZero();
            WeakStates weak = core(session).weakStates;
            weak.purge();
            assertThat(weak.size()).as("and their identity map entries are gone").isEqualTo(1);
            f.log().clear();
            assertThat(session.get(Author.class, kept.id)).as("a held object is still the row's object")
                    .isSameAs(kept);
            assertThat(f.log().count()).as("found in the identity map, no SQL").isZero();
            assertThat(kept.posts).as("its lazy collection loads").hasSize(2);
            assertThat(kept.posts.get(0).author).isSameAs(kept);
            // a dropped one comes back as a new object, loaded again by its query
            f.log().clear();
            Author other = session.scalars(Orm.select(Author.class).where(Author_.name.eq(name(7)))).one();
            assertThat(other.name).isEqualTo(name(7));
            assertThat(f.log().count()).isEqualTo(1);
        }
    }

    @BackendTest
    void objectsTheProgramKeepsAreDetachedWhenTheSessionClosesAndAttachAgainAsPersistent(TestDatabase db) {
        Fixture f = setUp(db, 30);
        List<Author> kept = new ArrayList<>();
        try (Session session = f.factory().open()) {
            try (OrmScalarResult<Author> authors = session.scalars(Orm.select(Author.class).orderBy(Author_.name)
                    .yieldPer(10))) {
                int i = 0;
                for (List<Author> part : authors.partitions()) {
                    kept.add(part.get(0)); // one of each batch; the last batch is still pinned when the session closes
                    i++;
                }
                assertThat(i).isEqualTo(3);
            }
        }
        try (Session session = f.factory().open()) {
            for (Author a : kept) {
                InstanceState st = session.inspect(a);
                assertThat(st.state()).as(a.name).isEqualTo(ObjectState.DETACHED);
                assertThat(st.identity().values()).containsExactly(a.id);
            }
            Author a = kept.get(1);
            a.name = "renamed after detaching";
            session.add(a);
            assertThat(session.inspect(a).state()).isEqualTo(ObjectState.PERSISTENT);
            session.commit();
        }
        try (Connection c = f.engine().connect()) {
            assertThat(c.execute(text("SELECT count(*) FROM author")).scalar()).asString().isEqualTo("30");
            assertThat(c.execute(text("SELECT count(*) FROM author WHERE name = 'renamed after detaching'"))
                    .scalar()).asString().isEqualTo("1");
        }
    }

    private static SessionCore core(Session session) {
        try {
            java.lang.reflect.Field f = Session.class.getDeclaredField("core");
            f.setAccessible(true);
            return (SessionCore) f.get(session);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs the collector until a throwaway object is collected and reference processing has had time to run. */
    static void collectGarbage() {
        for (int i = 0; i < 3; i++) {
            WeakReference<Object> probe = new WeakReference<>(new Object());
            while (probe.get() != null) {
                System.gc();
            }
            System.gc();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
