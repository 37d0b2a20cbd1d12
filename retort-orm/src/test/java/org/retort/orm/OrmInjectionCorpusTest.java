package org.retort.orm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.retort.sql.Sql.text;

import java.util.List;
import org.retort.engine.Connection;
import org.retort.engine.Engine;
import org.retort.exc.RetortException;
import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;
import org.retort.orm.metamodel.ColumnAttribute;
import org.retort.testing.BackendTest;
import org.retort.testing.HostileStrings;
import org.retort.testing.TestDatabase;

/**
 * The injection corpus through the ORM: every hostile string stored as a mapped field (flush INSERT), changed
 * (flush UPDATE), loaded by primary key, and found by filters on the metamodel ({@code eq}, {@code in},
 * {@code contains}); each read back exactly or refused with a Retort exception, and the {@code victim} table every
 * payload targets stays empty.
 */
class OrmInjectionCorpusTest {

    @Entity(table = "hostile_note")
    static class Note {
        @MappedColumn(primaryKey = true)
        Long id;
        @MappedColumn(length = 255)
        String body;

        Note() {
        }

        Note(long id, String body) {
            this.id = id;
            this.body = body;
        }
    }

    static final ColumnAttribute<Note, String> BODY = ColumnAttribute.of(Note.class, "body", String.class);
    static final ColumnAttribute<Note, Long> ID = ColumnAttribute.of(Note.class, "id", Long.class);

    @BackendTest
    void hostileFieldsAndFiltersRoundTripThroughTheSession(TestDatabase db) {
        Engine engine = db.engine();
        Registry.of(Note.class).metadata().createAll(engine);
        engine.begin(c -> c.execute(text("CREATE TABLE " + HostileStrings.VICTIM + " (id INTEGER)")));
        List<String> corpus = HostileStrings.all();
        int refused = 0;
        try (Session session = Session.of(engine)) {
            for (int i = 0; i < corpus.size(); i++) {
                if (HostileStrings.storableEverywhere(corpus.get(i))) {
                    session.add(new Note(i + 1, corpus.get(i)));
                }
            }
            session.commit();
            for (int i = 0; i < corpus.size(); i++) {
                if (!HostileStrings.storableEverywhere(corpus.get(i))) {
                    try {
                        session.add(new Note(i + 1, corpus.get(i)));
                        session.commit();
                    } catch (RetortException e) {
                        assertThat(e.getMessage()).containsAnyOf("NUL", "0x00", "surrogate");
                        session.rollback();
                        refused++;
                    }
                }
            }
        }
        try (Session session = Session.of(engine)) {
            for (int i = 0; i < corpus.size(); i++) {
                String s = corpus.get(i);
                long id = i + 1;
                Note note = session.get(Note.class, id);
                if (note == null) {
                    assertThat(HostileStrings.storableEverywhere(s)).as("only a refused value may be missing").isFalse();
                    continue;
                }
                assertThat(note.body).as("field %d", id).isEqualTo(s);
                assertThat(ids(session, BODY.eq(s))).as("eq %d", id).contains(id);
                assertThat(ids(session, BODY.in(s, "-"))).as("in %d", id).contains(id);
                assertThat(ids(session, BODY.contains(s))).as("contains %d", id).contains(id);
                note.body = s + "'" + s;
            }
            session.commit();
        }
        try (Session session = Session.of(engine)) {
            for (Note n : session.scalars(Orm.select(Note.class)).all()) {
                String s = corpus.get((int) (long) n.id - 1);
                assertThat(n.body).as("updated field %d", n.id).isEqualTo(s + "'" + s);
            }
        }
        assertThat(refused).isLessThan(corpus.size() / 4);
        try (Connection c = engine.connect()) {
            assertThat(((Number) c.scalar(text("SELECT count(*) FROM " + HostileStrings.VICTIM))).intValue()).isZero();
        }
    }

    private static List<Long> ids(Session session, org.retort.sql.Expression<Boolean> where) {
        return session.scalars(Orm.select(Note.class).where(where)).all().stream().map(n -> n.id).toList();
    }
}
