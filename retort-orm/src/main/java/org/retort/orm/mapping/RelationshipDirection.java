package org.retort.orm.mapping;

/** Which side of the foreign key a relationship's class is on (SQLAlchemy's relationship direction). */
public enum RelationshipDirection {
    /** This class's table holds the foreign key to the target: a reference to one parent. */
    MANY_TO_ONE,
    /** The target's table holds the foreign key to this class: a collection of children (or one, one-to-one). */
    ONE_TO_MANY,
    /** An association table holds foreign keys to both classes. */
    MANY_TO_MANY
}
