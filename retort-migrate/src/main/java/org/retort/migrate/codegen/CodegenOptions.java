package org.retort.migrate.codegen;

import java.util.Objects;

/**
 * What {@link CodeGenerator} writes.
 *
 * @param javaPackage the package of the generated classes (empty for the default package)
 * @param className the class holding the {@code MetaData} and one typed handle per table, e.g. {@code Db}
 * @param entities true to also write one {@code @Entity} class per table (in {@code <package>.entity})
 */
public record CodegenOptions(String javaPackage, String className, boolean entities) {

    /**
     * Checks the names.
     *
     * @param javaPackage the package
     * @param className the schema class name
     * @param entities true to write entity classes too
     */
    public CodegenOptions {
        Objects.requireNonNull(javaPackage, "javaPackage");
        Objects.requireNonNull(className, "className");
        if (!javaPackage.isEmpty() && !javaPackage.matches("[a-zA-Z_][\\w]*(\\.[a-zA-Z_][\\w]*)*")) {
            throw new IllegalArgumentException("'" + javaPackage + "' is not a Java package name");
        }
        if (!className.matches("[A-Za-z_]\\w*")) {
            throw new IllegalArgumentException("'" + className + "' is not a Java class name");
        }
    }
}
