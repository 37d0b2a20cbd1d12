/** A user's application on the module path: it maps its own package, which it opens to the ORM. */
module com.example.blog {
    requires org.retort.orm;

    opens com.example.blog to org.retort.orm;
}
