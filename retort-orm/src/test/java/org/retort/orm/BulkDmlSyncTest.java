package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.retort.orm.Orm.delete;
import static org.retort.orm.Orm.select;
import static org.retort.orm.Orm.update;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.retort.engine.Engine;
import org.retort.exc.ArgumentException;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.sql.Sql;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * ORM-enabled UPDATE and DELETE with WHERE keep the session's objects in step as SQLAlchemy 2.0's
 * {@code synchronize_session} does, in the number of statements SQLAlchemy emits: evaluate computes the SET values
 * in Java (the UPDATE alone), fetch uses RETURNING where the database has it, and objects a bulk DELETE removed
 * leave the session. On every backend.
 */
class BulkDmlSyncTest {

    /** A row of {@code bulk_item}. */
    @Entity(table = "bulk_item")
    public static class Item {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 30, nullable = false)
        String name;
        @MappedColumn(precision = 10, scale = 2)
        BigDecimal unitPrice;
        Integer stock;

        public Item() {
        }

        Item(String name, String unitPrice, Integer stock) {
            this.name = name;
            this.unitPrice = new BigDecimal(unitPrice);
            this.stock = stock;
        }
    }

    /** The metamodel of {@link Item}, in the processor's form. */
    static final class Item_ {
        static final ColumnAttribute<Item, Long> id = ColumnAttribute.of(Item.class, "id", Long.class);
        static final ColumnAttribute<Item, String> name = ColumnAttribute.of(Item.class, "name", String.class);
        static final ColumnAttribute<Item, BigDecimal> unitPrice =
                ColumnAttribute.of(Item.class, "unitPrice", BigDecimal.class);
        static final ColumnAttribute<Item, Integer> stock = ColumnAttribute.of(Item.class, "stock", Integer.class);
    }

    private static final Registry REGISTRY = Registry.of(Item.class);

    /** Ten items {@code item0..item9}, price {@code i.50}, stock {@code i} (item9's stock NULL). */
    private static Engine seeded(TestDatabase db) {
        Engine engine = db.engine();
        REGISTRY.metadata().createAll(engine);
        try (Session session = sessions(engine).open()) {
            for (int i = 0; i < 10; i++) {
                session.add(new Item("item" + i, i + ".50", i == 9 ? null : i));
            }
            session.commit();
        }
        return engine;
    }

    private static SessionFactory sessions(Engine engine) {
        return SessionFactory.builder(engine).registry(REGISTRY).build();
    }

    private static List<Item> loadAll(Session session) {
        return session.scalars(select(Item.class).orderBy(Item_.id)).all();
    }

    private static boolean updateReturning(TestDatabase db) {
        return db.dialect().supportsUpdateReturning();
    }

    @BackendTest
    void evaluateComputesAnExpressionSetInJavaWithNoOtherStatement(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            log.clear();
            long n = session.execute(update(Item.class).where(Item_.stock.ge(5))
                    .values(Map.of(Item_.unitPrice, Item_.unitPrice.plus(new BigDecimal("1.00")),
                            Item_.stock, Item_.stock.minus(1)))).rowcount();
            assertThat(n).isEqualTo(4);
            assertThat(log.all()).as("SQLAlchemy's one statement, no SELECT per object").hasSize(1);
            assertThat(log.starting("UPDATE")).hasSize(1);
            for (int i = 0; i < 10; i++) {
                Item it = items.get(i);
                boolean hit = i >= 5 && i < 9;
                assertThat(it.unitPrice).as("item" + i).isEqualByComparingTo(hit ? (i + 1) + ".50" : i + ".50");
                assertThat(it.stock).as("item" + i).isEqualTo(i == 9 ? null : hit ? i - 1 : i);
                assertThat(session.isModified(it)).isFalse();
            }
            session.commit();
        }
        try (Session session = sessions(engine).open()) {
            List<Item> fresh = loadAll(session);
            assertThat(fresh.get(6).unitPrice).as("the database agrees").isEqualByComparingTo("7.50");
            assertThat(fresh.get(6).stock).isEqualTo(5);
            assertThat(fresh.get(2).unitPrice).isEqualByComparingTo("2.50");
        }
    }

    @BackendTest
    void evaluateFollowsSqlNullRuleAndStringConcatenation(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            log.clear();
            session.execute(update(Item.class).where(Item_.name.in(List.of("item8", "item9")))
                    .values(Map.of(Item_.stock, Item_.stock.plus(10), Item_.name, Item_.name.concat("x"))));
            assertThat(log.all()).hasSize(1);
            assertThat(items.get(8).stock).isEqualTo(18);
            assertThat(items.get(9).stock).as("NULL + 10 is NULL").isNull();
            assertThat(items.get(8).name).isEqualTo("item8x");
            session.commit();
            Item nine = session.get(Item.class, items.get(9).id);
            assertThat(nine.stock).isNull();
            assertThat(nine.name).isEqualTo("item9x");
        }
    }

    @BackendTest
    void aSetJavaCannotComputeIsReadBackInOneSelect(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            log.clear();
            session.execute(update(Item.class).where(Item_.stock.lt(3))
                    .values(Map.of(Item_.name, Sql.func.upper(Item_.name)))
                    .synchronizeSession(SynchronizeSession.EVALUATE));
            assertThat(log.all()).as("the UPDATE and one SELECT for the 3 matched objects").hasSize(2);
            assertThat(items.get(1).name).isEqualTo("ITEM1");
            assertThat(items.get(3).name).isEqualTo("item3");
            assertThat(session.isModified(items.get(1))).isFalse();
            session.rollback();
        }
    }

    @BackendTest
    void fetchUsesUpdateReturningWhereTheDatabaseHasIt(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            log.clear();
            long n = session.execute(update(Item.class).where(Item_.name.like("item_"), Item_.stock.le(1))
                    .values(Map.of(Item_.unitPrice, Item_.unitPrice.times(2)))
                    .synchronizeSession(SynchronizeSession.FETCH)).rowcount();
            assertThat(n).isEqualTo(2);
            if (updateReturning(db)) {
                assertThat(log.all()).as("UPDATE ... RETURNING alone").hasSize(1);
                assertThat(log.all().get(0)).containsIgnoringCase("RETURNING");
            } else {
                assertThat(log.all()).as("SELECT of the keys, then the UPDATE").hasSize(2);
                assertThat(log.starting("SELECT")).hasSize(1);
            }
            assertThat(items.get(0).unitPrice).isEqualByComparingTo("1.00");
            assertThat(items.get(1).unitPrice).isEqualByComparingTo("3.00");
            assertThat(items.get(2).unitPrice).isEqualByComparingTo("2.50");
            assertThat(session.isModified(items.get(1))).isFalse();
            session.rollback();
            assertThat(items.get(1).unitPrice).as("rollback restores").isEqualByComparingTo("1.50");
        }
    }

    @BackendTest
    void autoFetchesWhenTheWhereCannotBeEvaluated(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            log.clear();
            session.execute(update(Item.class).where(Item_.name.like("item1%"))
                    .values(Map.of(Item_.stock, Item_.stock.plus(100))));
            assertThat(log.all()).hasSize(updateReturning(db) ? 1 : 2);
            assertThat(items.get(1).stock).isEqualTo(101);
            assertThat(items.get(2).stock).isEqualTo(2);
            session.commit();
        }
    }

    @BackendTest
    void bulkDeleteTakesMatchedObjectsOutOfTheSession(TestDatabase db) {
        Engine engine = seeded(db);
        StatementLog log = StatementLog.on(engine);
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            log.clear();
            long n = session.execute(delete(Item.class).where(Item_.stock.ge(7))).rowcount();
            assertThat(n).isEqualTo(2);
            assertThat(log.all()).as("evaluated: the DELETE alone").hasSize(1);
            assertThat(session.contains(items.get(7))).isFalse();
            assertThat(session.contains(items.get(8))).isFalse();
            assertThat(session.contains(items.get(9))).as("NULL stock does not match").isTrue();
            assertThat(session.inspect(items.get(7)).state()).isEqualTo(ObjectState.DELETED);

            log.clear();
            n = session.execute(delete(Item.class).where(Item_.name.like("item_"), Item_.stock.le(1))
                    .synchronizeSession(SynchronizeSession.FETCH)).rowcount();
            assertThat(n).isEqualTo(2);
            if (db.dialect().supportsReturning()) {
                assertThat(log.all()).as("DELETE ... RETURNING alone").hasSize(1);
                assertThat(log.all().get(0)).containsIgnoringCase("RETURNING");
            } else {
                assertThat(log.all()).as("SELECT of the keys, then the DELETE").hasSize(2);
            }
            assertThat(session.contains(items.get(0))).isFalse();
            assertThat(session.contains(items.get(1))).isFalse();
            assertThat(session.contains(items.get(2))).isTrue();
            assertThat(session.get(Item.class, items.get(0).id)).isNull();

            session.rollback();
            assertThat(session.contains(items.get(0))).as("rollback puts them back").isTrue();
            assertThat(session.contains(items.get(7))).isTrue();
            assertThat(session.get(Item.class, items.get(7).id)).isSameAs(items.get(7));
        }
        try (Session session = sessions(engine).open()) {
            List<Item> items = loadAll(session);
            session.execute(delete(Item.class).where(Item_.stock.ge(7)));
            session.commit();
            assertThat(session.inspect(items.get(7)).state()).isEqualTo(ObjectState.DETACHED);
            assertThat(session.contains(items.get(7))).isFalse();
            assertThat(session.contains(items.get(6))).isTrue();
        }
        try (Session session = sessions(engine).open()) {
            assertThat(loadAll(session)).hasSize(8);
        }
    }

    @BackendTest
    void evaluateRefusesCriteriaJavaCannotEvaluate(TestDatabase db) {
        Engine engine = seeded(db);
        try (Session session = sessions(engine).open()) {
            loadAll(session);
            assertThatThrownBy(() -> session.execute(delete(Item.class).where(Item_.name.like("item%"))
                    .synchronizeSession(SynchronizeSession.EVALUATE)))
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("FETCH");
            List<Item> left = new ArrayList<>(loadAll(session));
            assertThat(left).hasSize(10);
        }
    }
}
