package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.RetortException;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.testing.BackendTest;
import org.retort.testing.TestDatabase;

/**
 * Seeded random sequences of Session operations (add, change, delete, get, query by a hostile name, flush,
 * commit, rollback, and a failing flush from a duplicate key) checked against a model kept by the test: after
 * each commit or rollback the database equals the model, and the identity map gives one object per key holding
 * the model's values. Names come from a small hostile set (quotes, comments, backslashes, homoglyphs), so ORM
 * filters and fields carry them too.
 */
class SessionFuzzTest {
    private static final List<String> NAMES = List.of("plain", "O'Brien", "''", "\\", "\\'; DELETE FROM fuzz_item; --",
            "\"quoted\"", "`tick`", "/* c */", "-- c", "%_", "\u02BC\uFF07", "\uD83D\uDE00", "a\nb", ":name", "?");
    private static final int OPERATIONS = 250;

    @Entity(table = "fuzz_item")
    static class Item {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 60)
        String name;
        Integer qty;

        Item() {
        }

        Item(long id, String name, int qty) {
            this.id = id;
            this.name = name;
            this.qty = qty;
        }
    }

    static final ColumnAttribute<Item, String> NAME = ColumnAttribute.of(Item.class, "name", String.class);

    /** The model's view of one row. */
    record Values(String name, Integer qty) {
        static Values of(Item i) {
            return new Values(i.name, i.qty);
        }
    }

    @BackendTest
    void randomSessionOperationsKeepIdentityAndDatabaseEqualToTheModel(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Item.class).metadata().createAll(engine);
        Random random = new Random(20261203L);
        Map<Long, Values> committed = new HashMap<>();
        Map<Long, Values> pending = new HashMap<>();
        long nextId = 1;
        int commits = 0;
        int rollbacks = 0;
        int failedFlushes = 0;
        try (Session session = Session.of(engine)) {
            for (int step = 0; step < OPERATIONS; step++) {
                int op = random.nextInt(100);
                List<Long> ids = new ArrayList<>(pending.keySet());
                if (op < 30 || ids.isEmpty()) {
                    Item item = new Item(nextId++, NAMES.get(random.nextInt(NAMES.size())), random.nextInt(100));
                    session.add(item);
                    pending.put(item.id, Values.of(item));
                } else if (op < 50) {
                    long id = ids.get(random.nextInt(ids.size()));
                    Item item = session.get(Item.class, id);
                    assertThat(Values.of(item)).as("step %d: get(%d)", step, id).isEqualTo(pending.get(id));
                    item.name = NAMES.get(random.nextInt(NAMES.size()));
                    item.qty = random.nextInt(100);
                    pending.put(id, Values.of(item));
                } else if (op < 60) {
                    long id = ids.get(random.nextInt(ids.size()));
                    session.delete(session.get(Item.class, id));
                    session.flush(); // a deleted object is then gone from get() in every ORM state
                    pending.remove(id);
                } else if (op < 70) {
                    String name = NAMES.get(random.nextInt(NAMES.size()));
                    List<Item> found = session.scalars(Orm.select(Item.class).where(NAME.eq(name))).all();
                    List<Long> want = pending.entrySet().stream().filter(e -> e.getValue().name().equals(name))
                            .map(Map.Entry::getKey).sorted().toList();
                    assertThat(found.stream().map(i -> i.id).sorted().toList()).as("step %d: name = %s", step, name)
                            .isEqualTo(want);
                    for (Item i : found) {
                        assertThat(session.get(Item.class, i.id)).as("one object per key").isSameAs(i);
                    }
                } else if (op < 75) {
                    session.flush();
                } else if (op < 85) {
                    session.commit();
                    committed.clear();
                    committed.putAll(pending);
                    commits++;
                    check(engine, session, committed, step);
                } else if (op < 93) {
                    session.rollback();
                    pending.clear();
                    pending.putAll(committed);
                    rollbacks++;
                    check(engine, session, committed, step);
                } else if (!pending.isEmpty()) {
                    session.commit(); // a clean start, so the failure below undoes nothing else
                    committed.clear();
                    committed.putAll(pending);
                    List<Long> keys = new ArrayList<>(committed.keySet());
                    keys.sort(null);
                    long taken = keys.get(random.nextInt(keys.size()));
                    try (Session other = Session.of(engine)) {
                        other.add(new Item(taken, "duplicate", 0));
                        try {
                            other.commit();
                            throw new AssertionError("a duplicate key " + taken + " was committed");
                        } catch (RetortException expected) {
                            other.rollback();
                            failedFlushes++;
                        }
                    }
                    check(engine, session, committed, step);
                    // the same failure inside this session, after other changes: none of them may stay applied
                    Item changed = session.get(Item.class, keys.get(random.nextInt(keys.size())));
                    changed.qty = changed.qty + 1000;
                    session.add(new Item(nextId++, "fresh", 1));
                    try {
                        session.add(new Item(taken, "duplicate", 0));
                        session.commit();
                        throw new AssertionError("a duplicate key " + taken + " was committed by the session");
                    } catch (RetortException expected) {
                        session.rollback();
                        failedFlushes++;
                    }
                    pending.clear();
                    pending.putAll(committed);
                    check(engine, session, committed, step);
                }
            }
            session.commit();
            committed.clear();
            committed.putAll(pending);
            check(engine, session, committed, OPERATIONS);
        }
        assertThat(commits).isGreaterThan(5);
        assertThat(rollbacks).isGreaterThan(5);
        assertThat(failedFlushes).isGreaterThan(3);
    }

    private static void check(Engine engine, Session session, Map<Long, Values> model, int step) {
        Map<Long, Values> stored = new HashMap<>();
        try (Connection conn = engine.connect()) {
            for (var row : conn.execute(text("SELECT id, name, qty FROM fuzz_item"))) {
                stored.put(((Number) row.get(0)).longValue(), new Values((String) row.get(1),
                        row.get(2) == null ? null : ((Number) row.get(2)).intValue()));
            }
        }
        assertThat(stored).as("step %d: database equals the model", step).isEqualTo(model);
        for (Map.Entry<Long, Values> e : model.entrySet()) {
            Item item = session.get(Item.class, e.getKey());
            assertThat(item).as("step %d: get(%d)", step, e.getKey()).isNotNull();
            assertThat(Values.of(item)).as("step %d: identity map values of %d", step, e.getKey()).isEqualTo(e.getValue());
            assertThat(session.get(Item.class, e.getKey())).isSameAs(item);
        }
    }
}
