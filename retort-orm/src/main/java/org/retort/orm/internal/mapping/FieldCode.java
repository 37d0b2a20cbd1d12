package org.retort.orm.internal.mapping;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Generated code that reads or writes every mapped field of an object in one straight run of {@code getfield} /
 * {@code putfield} instructions: the dirty check, the snapshots and the loader touch each object's fields this way,
 * and a method handle per field (or a chain of them) costs several times as much per object.
 *
 * <p>Each accessor is a small hidden class, defined next to the entity class as its nestmate (so it may read private
 * fields) and implementing {@link BiConsumer}{@code <Object, Object[]>}: {@code accept(instance, values)}. Its code
 * has no branches (so it needs no stack map frames) and names only the entity, the fields' types, the box classes and
 * {@code java.lang.Object}. It is made only where that is certain to link: a lookup with full privilege on the class
 * (the class path, or the ORM's own module), instance fields the class itself declares and that are not final, and
 * field types the entity's package can name. Otherwise {@link #reader} and {@link #writer} return null and the
 * mapper keeps its method handles.
 */
public final class FieldCode {
    private FieldCode() {
    }

    /**
     * {@return an accessor that stores the fields' values (boxed) into the array, index for index, or null}
     *
     * @param c the entity class
     * @param fields the fields (the class's own or inherited), in property order
     */
    public static BiConsumer<Object, Object[]> reader(Class<?> c, List<Field> fields) {
        return make(c, fields, false);
    }

    /**
     * {@return an accessor that sets the fields from the array's values (already of the fields' types, unboxed for
     * primitive fields), index for index, or null}
     *
     * @param c the entity class
     * @param fields the fields (the class's own or inherited), in property order
     */
    public static BiConsumer<Object, Object[]> writer(Class<?> c, List<Field> fields) {
        return make(c, fields, true);
    }

    /**
     * {@return the field a class itself declares under a name, or null}
     *
     * @param declaring the class declaring it
     * @param name its name
     */
    public static Field field(Class<?> declaring, String name) {
        try {
            return declaring.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    @SuppressWarnings("unchecked")
    private static BiConsumer<Object, Object[]> make(Class<?> c, List<Field> fieldList, boolean write) {
        if (c.isHidden() || c.isArray() || c.isPrimitive() || fieldList.size() > 4_000 || fieldList.contains(null)) {
            return null;
        }
        try {
            MethodHandles.Lookup lookup = MappingReader.privateLookup(c);
            if (!lookup.hasFullPrivilegeAccess()) {
                return null; // a named application module: defineHiddenClass needs full privilege
            }
            Field[] fields = fieldList.toArray(Field[]::new);
            for (Field f : fields) {
                int mod = f.getModifiers();
                if (Modifier.isStatic(mod) || Modifier.isFinal(mod) || !reachable(f, c) || !nameable(f.getType(), c)) {
                    return null;
                }
            }
            byte[] bytes = classFile(c, fields, write);
            MethodHandles.Lookup hidden = lookup.defineHiddenClass(bytes, true, MethodHandles.Lookup.ClassOption.NESTMATE);
            Object accessor = hidden.findConstructor(hidden.lookupClass(), MethodType.methodType(void.class)).invoke();
            return (BiConsumer<Object, Object[]>) accessor;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return null; // refused (a lookup, a linkage or a platform without hidden classes): the handles serve
        }
    }

    /**
     * {@return true when a nestmate of the entity may read and write the field} Its own fields, whatever their
     * access; an inherited one unless private, when its class is in the entity's runtime package or it is public.
     */
    private static boolean reachable(Field f, Class<?> entity) {
        Class<?> d = f.getDeclaringClass();
        if (d == entity) {
            return true;
        }
        if (!d.isAssignableFrom(entity) || Modifier.isPrivate(f.getModifiers())) {
            return false;
        }
        if (d.getPackageName().equals(entity.getPackageName()) && d.getClassLoader() == entity.getClassLoader()) {
            return true;
        }
        return Modifier.isPublic(f.getModifiers()) && nameable(d, entity);
    }

    /** {@return true when code in the entity's package can name the type (checkcast it)} */
    private static boolean nameable(Class<?> t, Class<?> entity) {
        while (t.isArray()) {
            t = t.getComponentType();
        }
        if (t.isPrimitive()) {
            return true;
        }
        if (t.getPackageName().equals(entity.getPackageName()) && t.getClassLoader() == entity.getClassLoader()) {
            return true; // same runtime package: any class access
        }
        for (Class<?> k = t; k != null; k = k.getDeclaringClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return t.getModule().isExported(t.getPackageName(), entity.getModule());
    }

    // ------------------------------------------------------------------ the class file

    private static final int ACC_PUBLIC = 0x0001;
    private static final int ACC_FINAL = 0x0010;
    private static final int ACC_SUPER = 0x0020;
    private static final int ALOAD_0 = 0x2a;
    private static final int ALOAD_1 = 0x2b;
    private static final int ALOAD_2 = 0x2c;
    private static final int ALOAD_3 = 0x2d;
    private static final int ALOAD = 0x19;
    private static final int ASTORE_3 = 0x4e;
    private static final int ASTORE = 0x3a;
    private static final int BIPUSH = 0x10;
    private static final int SIPUSH = 0x11;
    private static final int ICONST_0 = 0x03;
    private static final int AALOAD = 0x32;
    private static final int AASTORE = 0x53;
    private static final int CHECKCAST = 0xc0;
    private static final int GETFIELD = 0xb4;
    private static final int PUTFIELD = 0xb5;
    private static final int INVOKESTATIC = 0xb8;
    private static final int INVOKEVIRTUAL = 0xb6;
    private static final int INVOKESPECIAL = 0xb7;
    private static final int RETURN = 0xb1;

    private static byte[] classFile(Class<?> entity, Field[] fields, boolean write) throws IOException {
        Pool pool = new Pool();
        String owner = internalName(entity);
        String self = owner + (write ? "$$RetortFieldWriter" : "$$RetortFieldReader");
        int thisClass = pool.classRef(self);
        int objectClass = pool.classRef("java/lang/Object");
        int consumer = pool.classRef("java/util/function/BiConsumer");
        int init = pool.utf8("<init>");
        int voidDesc = pool.utf8("()V");
        int objectInit = pool.methodRef("java/lang/Object", "<init>", "()V");
        int accept = pool.utf8("accept");
        int acceptDesc = pool.utf8("(Ljava/lang/Object;Ljava/lang/Object;)V");
        int code = pool.utf8("Code");
        int entityClass = pool.classRef(owner);
        int arrayClass = pool.classRef("[Ljava/lang/Object;");

        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(ALOAD_1);
        u1u2(body, CHECKCAST, entityClass);
        body.write(ASTORE_3); // local 3: the instance
        body.write(ALOAD_2);
        u1u2(body, CHECKCAST, arrayClass);
        body.write(ASTORE);
        body.write(4); // local 4: the values
        int maxStack = 3;
        for (int i = 0; i < fields.length; i++) {
            Field f = fields[i];
            Class<?> t = f.getType();
            int fieldRef = pool.fieldRef(owner, f.getName(), descriptor(t));
            if (write) {
                body.write(ALOAD_3);
                body.write(ALOAD);
                body.write(4);
                pushInt(body, i);
                body.write(AALOAD);
                if (t.isPrimitive()) {
                    Class<?> box = JavaTypes.boxed(t);
                    u1u2(body, CHECKCAST, pool.classRef(internalName(box)));
                    u1u2(body, INVOKEVIRTUAL, pool.methodRef(internalName(box), t.getName() + "Value",
                            "()" + descriptor(t)));
                    maxStack = Math.max(maxStack, 1 + slots(t));
                } else if (t != Object.class) {
                    u1u2(body, CHECKCAST, pool.classRef(t.isArray() ? descriptor(t) : internalName(t)));
                }
                u1u2(body, PUTFIELD, fieldRef);
            } else {
                body.write(ALOAD);
                body.write(4);
                pushInt(body, i);
                body.write(ALOAD_3);
                u1u2(body, GETFIELD, fieldRef);
                if (t.isPrimitive()) {
                    Class<?> box = JavaTypes.boxed(t);
                    u1u2(body, INVOKESTATIC, pool.methodRef(internalName(box), "valueOf",
                            "(" + descriptor(t) + ")" + descriptor(box)));
                    maxStack = Math.max(maxStack, 2 + slots(t));
                }
                body.write(AASTORE);
            }
        }
        body.write(RETURN);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(0xCAFEBABE);
        out.writeShort(0);
        out.writeShort(52); // Java 8: straight-line code needs no stack map frames
        pool.writeTo(out);
        out.writeShort(ACC_PUBLIC | ACC_FINAL | ACC_SUPER);
        out.writeShort(thisClass);
        out.writeShort(objectClass);
        out.writeShort(1);
        out.writeShort(consumer);
        out.writeShort(0); // fields
        out.writeShort(2); // methods
        // public <init>() { super(); }
        out.writeShort(ACC_PUBLIC);
        out.writeShort(init);
        out.writeShort(voidDesc);
        out.writeShort(1);
        byte[] ctor = {(byte) ALOAD_0, (byte) INVOKESPECIAL, (byte) (objectInit >> 8), (byte) objectInit, (byte) RETURN};
        codeAttribute(out, code, 1, 1, ctor);
        // public void accept(Object instance, Object values)
        out.writeShort(ACC_PUBLIC);
        out.writeShort(accept);
        out.writeShort(acceptDesc);
        out.writeShort(1);
        codeAttribute(out, code, maxStack, 5, body.toByteArray());
        out.writeShort(0); // class attributes
        out.flush();
        return bytes.toByteArray();
    }

    private static void codeAttribute(DataOutputStream out, int name, int maxStack, int maxLocals, byte[] code)
            throws IOException {
        out.writeShort(name);
        out.writeInt(2 + 2 + 4 + code.length + 2 + 2);
        out.writeShort(maxStack);
        out.writeShort(maxLocals);
        out.writeInt(code.length);
        out.write(code);
        out.writeShort(0); // exception table
        out.writeShort(0); // attributes
    }

    private static void u1u2(ByteArrayOutputStream body, int op, int index) {
        body.write(op);
        body.write(index >> 8);
        body.write(index);
    }

    private static void pushInt(ByteArrayOutputStream body, int i) {
        if (i <= 5) {
            body.write(ICONST_0 + i);
        } else if (i <= 127) {
            body.write(BIPUSH);
            body.write(i);
        } else {
            body.write(SIPUSH);
            body.write(i >> 8);
            body.write(i);
        }
    }

    private static int slots(Class<?> t) {
        return t == long.class || t == double.class ? 2 : 1;
    }

    private static String internalName(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    private static String descriptor(Class<?> t) {
        if (t.isPrimitive()) {
            return switch (t.getName()) {
                case "int" -> "I";
                case "long" -> "J";
                case "short" -> "S";
                case "byte" -> "B";
                case "char" -> "C";
                case "boolean" -> "Z";
                case "float" -> "F";
                case "double" -> "D";
                default -> throw new IllegalArgumentException("no field of type " + t);
            };
        }
        return t.isArray() ? internalName(t) : "L" + internalName(t) + ";";
    }

    /** A class file's constant pool, each entry written once. */
    private static final class Pool {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);
        private final Map<String, Integer> entries = new HashMap<>();
        private int count = 1;

        int utf8(String s) {
            return entry("U" + s, () -> {
                out.writeByte(1);
                out.writeUTF(s);
            });
        }

        int classRef(String internalName) {
            int name = utf8(internalName);
            return entry("C" + internalName, () -> {
                out.writeByte(7);
                out.writeShort(name);
            });
        }

        int nameAndType(String name, String desc) {
            int n = utf8(name);
            int d = utf8(desc);
            return entry("N" + name + " " + desc, () -> {
                out.writeByte(12);
                out.writeShort(n);
                out.writeShort(d);
            });
        }

        int fieldRef(String owner, String name, String desc) {
            return member(9, owner, name, desc);
        }

        int methodRef(String owner, String name, String desc) {
            return member(10, owner, name, desc);
        }

        private int member(int tag, String owner, String name, String desc) {
            int c = classRef(owner);
            int nt = nameAndType(name, desc);
            return entry(tag + owner + " " + name + " " + desc, () -> {
                out.writeByte(tag);
                out.writeShort(c);
                out.writeShort(nt);
            });
        }

        private interface Writing {
            void write() throws IOException;
        }

        private int entry(String key, Writing w) {
            Integer known = entries.get(key);
            if (known != null) {
                return known;
            }
            try {
                w.write();
            } catch (IOException e) {
                throw new IllegalStateException(e); // a byte array does not fail
            }
            entries.put(key, count);
            return count++;
        }

        void writeTo(DataOutputStream to) throws IOException {
            out.flush();
            to.writeShort(count);
            bytes.writeTo(to);
        }
    }
}
