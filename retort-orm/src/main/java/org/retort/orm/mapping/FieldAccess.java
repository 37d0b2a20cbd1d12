package org.retort.orm.mapping;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import java.lang.invoke.VarHandle;
import org.retort.exc.InvalidRequestException;

/** Reads and writes one field through method handles made once from a {@link VarHandle}; shared by properties. */
final class FieldAccess {
    private final MethodHandle getter;
    private final MethodHandle setter;

    FieldAccess(VarHandle handle) {
        this.getter = handle.toMethodHandle(VarHandle.AccessMode.GET)
                .asType(MethodType.methodType(Object.class, Object.class));
        this.setter = handle.toMethodHandle(VarHandle.AccessMode.SET)
                .asType(MethodType.methodType(void.class, Object.class, Object.class));
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
