/**
 * Retort ORM: declarative and imperative mapping, Session, unit of work, identity map and ORM-enabled statements.
 *
 * <p>The ORM reads and writes private fields of entity classes through
 * {@link java.lang.invoke.MethodHandles#privateLookupIn}; on the module path, open each entity package to this
 * module ({@code opens com.example.model to org.retort.orm;}). On the class path nothing is needed.
 */
module org.retort.orm {
    requires transitive org.retort.core;
    requires static com.fasterxml.jackson.databind;

    exports org.retort.orm;
    exports org.retort.orm.annotation;
    exports org.retort.orm.loading;
    exports org.retort.orm.mapping;
    exports org.retort.orm.metamodel;
    // org.retort.orm.internal.* (session core, state, flush, loading, mapping, collections, bulk DML) is not exported
}
