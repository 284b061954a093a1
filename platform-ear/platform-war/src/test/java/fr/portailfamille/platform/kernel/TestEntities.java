package fr.portailfamille.platform.kernel;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;

/** Entities made for unit tests without a database: their no-argument constructor and fields reached by reflection. */
public final class TestEntities {

    private TestEntities() {
    }

    /** A new {@code type} through its (protected) no-argument constructor. */
    public static <T> T instance(Class<T> type) throws ReflectiveOperationException {
        Constructor<T> c = type.getDeclaredConstructor();
        c.setAccessible(true);
        return c.newInstance();
    }

    /** Sets {@code target}'s own field {@code field}. */
    public static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
