package org.retort.processor;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * How one generated source file names the types it uses: by simple name, imported when needed, unless that
 * simple name already means another type in the file (another import, a class of the package, the file's own
 * class), in which case by canonical name. Decisions are made in the order types are first asked for, so the same
 * entity always gives the same text.
 */
final class TypeNames {
    private final String packageName;
    private final Predicate<String> typeExists;
    private final Map<String, String> claimed = new HashMap<>();
    private final TreeSet<String> imports = new TreeSet<>();

    /**
     * @param packageName the generated file's package, empty for the unnamed package
     * @param ownSimpleName the generated class's simple name, which no other type may take
     * @param typeExists whether a type of that qualified name is visible to the compilation
     */
    TypeNames(String packageName, String ownSimpleName, Predicate<String> typeExists) {
        this.packageName = packageName;
        this.typeExists = typeExists;
        claimed.put(ownSimpleName, qualify(packageName, ownSimpleName));
    }

    /**
     * The text that names a type in the generated file.
     *
     * @param type the type (top-level or nested)
     * @return its simple name, its name relative to an imported top-level class ({@code Map.Entry}), or its
     *     canonical name
     */
    String reference(TypeElement type) {
        TypeElement top = type;
        StringBuilder nested = new StringBuilder();
        while (top.getEnclosingElement() instanceof TypeElement outer) {
            nested.insert(0, "." + top.getSimpleName());
            top = outer;
        }
        String simple = top.getSimpleName().toString();
        String qualified = top.getQualifiedName().toString();
        return (claim(simple, qualified, packageOf(top)) ? simple : qualified) + nested;
    }

    /**
     * The text that names a type given by qualified name, for types the processor itself refers to.
     *
     * @param packageName the type's package
     * @param simpleName its simple name (a top-level class)
     * @return the name to write
     */
    String reference(String packageName, String simpleName) {
        String qualified = qualify(packageName, simpleName);
        return claim(simpleName, qualified, packageName) ? simpleName : qualified;
    }

    /** @return the import lines' type names, sorted */
    Iterable<String> imports() {
        return imports;
    }

    private boolean claim(String simple, String qualified, String typePackage) {
        String owner = claimed.get(simple);
        if (owner != null) {
            return owner.equals(qualified);
        }
        boolean samePackage = typePackage.equals(packageName);
        if (!samePackage && typePackage.equals("java.lang") && typeExists.test(qualify(packageName, simple))) {
            return false;
        }
        claimed.put(simple, qualified);
        if (!samePackage && !typePackage.equals("java.lang")) {
            imports.add(qualified);
        }
        return true;
    }

    private static String packageOf(Element element) {
        Element e = element;
        while (!(e instanceof PackageElement p)) {
            e = e.getEnclosingElement();
        }
        return p.getQualifiedName().toString();
    }

    private static String qualify(String packageName, String simpleName) {
        return packageName.isEmpty() ? simpleName : packageName + "." + simpleName;
    }
}
