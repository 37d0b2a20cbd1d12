package org.retort.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.retort.exc.InvalidRequestException;

/** Reads and writes one field through method handles made once from a {@link VarHandle}; shared by properties. */
final class FieldAccess {
    private final MethodHandle getter;
    private final MethodHandle setter;
    /** The class declaring the field (the VarHandle's receiver type). */
    private final Class<?> declaring;

    /** {@return the class that declares the field} */
    Class<?> declaringClass() {
        return declaring;
    }

    FieldAccess(VarHandle handle) {
        this.declaring = handle.coordinateTypes().isEmpty() ? null : handle.coordinateTypes().get(0);
        this.getter = handle.toMethodHandle(VarHandle.AccessMode.GET)
                .asType(MethodType.methodType(Object.class, Object.class));
        this.setter = handle.toMethodHandle(VarHandle.AccessMode.SET)
                .asType(MethodType.methodType(void.class, Object.class, Object.class));
    }

    /** {@return the field's getter, of type {@code (Object)Object}} */
    MethodHandle getter() {
        return getter;
    }

    /** {@return the field's setter, of type {@code (Object, Object)void}} */
    MethodHandle setter() {
        return setter;
    }

    /**
     * One handle that reads several fields of an instance into an array, element {@code i} from {@code fields[i]}:
     * one call per object where a getter per field made one call per field (a handle invoked this often is
     * customised by the JVM, which then inlines the getters it chains).
     *
     * @param fields the fields, in array order
     * @return a handle of type {@code (Object[] into, Object instance)void}
     */
    static MethodHandle reader(java.util.List<FieldAccess> fields) {
        MethodHandle chain = MethodHandles.empty(MethodType.methodType(void.class, Object[].class, Object.class));
        MethodHandle store = MethodHandles.arrayElementSetter(Object[].class); // (Object[], int, Object)void
        for (int i = fields.size() - 1; i >= 0; i--) {
            MethodHandle step = MethodHandles.filterArguments(MethodHandles.insertArguments(store, 1, i), 1,
                    fields.get(i).getter); // (Object[] into, Object instance)void
            chain = MethodHandles.foldArguments(chain, step);
        }
        return chain;
    }

    /**
     * One handle that writes several fields of an instance from an array, {@code fields[i]} from element {@code i}.
     *
     * @param fields the fields, in array order
     * @return a handle of type {@code (Object[] values, Object instance)void}
     */
    static MethodHandle writer(java.util.List<FieldAccess> fields) {
        MethodType type = MethodType.methodType(void.class, Object[].class, Object.class);
        MethodHandle chain = MethodHandles.empty(type);
        MethodHandle load = MethodHandles.arrayElementGetter(Object[].class); // (Object[], int)Object
        for (int i = fields.size() - 1; i >= 0; i--) {
            MethodHandle set = MethodHandles.filterArguments(fields.get(i).setter, 1,
                    MethodHandles.insertArguments(load, 1, i)); // (Object instance, Object[] values)void
            chain = MethodHandles.foldArguments(chain, MethodHandles.permuteArguments(set, type, 1, 0));
        }
        return chain;
    }

    Object get(Object instance, Object property) {
        try {
            return (Object) getter.invokeExact(instance);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidRequestException("Cannot read field " + property + ": " + t);
        }
    }

    void set(Object instance, Object value, Object property) {
        try {
            setter.invokeExact(instance, value);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new InvalidRequestException("Cannot write field " + property + ": " + t);
        }
    }
}
