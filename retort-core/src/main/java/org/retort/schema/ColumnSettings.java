package org.retort.schema;

import java.util.ArrayList;
import java.util.List;
import org.retort.exc.ArgumentException;

/** The options of one column gathered while its table is built; read once by {@link Column}'s constructor. */
final class ColumnSettings {
    boolean primaryKey;
    boolean nullable = true;
    boolean explicitNullable;
    Boolean autoincrement;
    boolean unique;
    boolean index;
    boolean insertSentinel;
    ColumnDefault insertDefault;
    ColumnDefault updateDefault;
    ServerDefault serverDefault;
    ServerDefault serverOnUpdate;
    String comment;
    String key;
    Identity identity;
    Computed computed;
    Sequence sequence;
    final List<ForeignKey> foreignKeys = new ArrayList<>();
    final List<CheckConstraint> checks = new ArrayList<>();

    static ColumnSettings of(String table, ColumnDef<?> def) {
        ColumnSettings s = new ColumnSettings();
        boolean notNull = false;
        for (ColumnOption o : def.options()) {
            switch (o) {
                case ColumnFlag f -> {
                    switch (f) {
                        case PRIMARY_KEY -> s.primaryKey = true;
                        case NOT_NULL -> notNull = true;
                        case NULLABLE -> s.explicitNullable = true;
                        case UNIQUE -> s.unique = true;
                        case INDEX -> s.index = true;
                        case AUTOINCREMENT -> s.autoincrement = true;
                        case NO_AUTOINCREMENT -> s.autoincrement = false;
                        case INSERT_SENTINEL -> s.insertSentinel = true;
                    }
                }
                case ColumnDefault d -> {
                    if (d.onUpdate()) {
                        s.updateDefault = d;
                    } else {
                        s.insertDefault = d;
                    }
                }
                case ServerDefault d -> {
                    if (d.onUpdate()) {
                        s.serverOnUpdate = d;
                    } else {
                        s.serverDefault = d;
                    }
                }
                case CommentText c -> s.comment = c.text();
                case ColumnKey k -> s.key = k.key();
                case ForeignKey fk -> s.foreignKeys.add(fk);
                case Identity i -> s.identity = i;
                case Computed c -> s.computed = c;
                case Sequence q -> s.sequence = q;
                case CheckConstraint c -> s.checks.add(c);
            }
        }
        if (notNull && s.explicitNullable) {
            throw new ArgumentException("Column '" + table + "." + def.name() + "' is declared both notNull() and "
                    + "nullable(); keep one");
        }
        s.nullable = s.explicitNullable || (!notNull && !s.primaryKey && s.identity == null);
        return s;
    }
}
