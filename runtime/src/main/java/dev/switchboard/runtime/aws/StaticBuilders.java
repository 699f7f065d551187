package dev.switchboard.runtime.aws;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The public static {@code builder()} of a class (an SDK client or HTTP client), looked up once per
 * class and kept with it: a {@link ClassValue} holds the handle, so a class that is unloaded takes its
 * handle along and nothing here keeps a class loader alive.
 */
public final class StaticBuilders {
    private static final ClassValue<MethodHandle> BUILDERS = new ClassValue<>() {
        @Override
        protected MethodHandle computeValue(Class<?> type) {
            try {
                Class<?> returned = type.getMethod("builder").getReturnType();
                return MethodHandles.publicLookup()
                        .findStatic(type, "builder", MethodType.methodType(returned))
                        .asType(MethodType.methodType(Object.class));
            } catch (NoSuchMethodException | IllegalAccessException e) {
                throw new IllegalArgumentException(type.getName() + " has no public static builder()", e);
            }
        }
    };

    private StaticBuilders() {}

    /** Calls {@code type.builder()}. */
    public static Object newBuilder(Class<?> type) throws Throwable {
        return (Object) BUILDERS.get(type).invokeExact();
    }
}
