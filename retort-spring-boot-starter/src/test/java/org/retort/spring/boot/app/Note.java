package org.retort.spring.boot.app;

import org.retort.orm.annotation.Entity;
import org.retort.orm.annotation.MappedColumn;

/** A mapped class the starter finds by scanning this package. */
@Entity(table = "spring_note")
public class Note {
    @MappedColumn(primaryKey = true)
    public Long id;
    @MappedColumn(length = 40, nullable = false)
    public String body;

    /** For the ORM. */
    public Note() {
    }

    /**
     * A note.
     *
     * @param id its key
     * @param body its text
     */
    public Note(long id, String body) {
        this.id = id;
        this.body = body;
    }
}
