package nl.proeftuin.core.rest.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The optional core services beyond the first five, by type, each read through its supplier at
 * request time (the servlet's dynamic references). A resource takes the ones it needs as
 * {@link OptionalService}s; a type nobody supplied answers 503 like an unbound service, which is
 * what route-table tests rely on.
 */
final class Services {
    private final Map<Class<?>, Supplier<?>> suppliers = new HashMap<>();

    /** Adds a service type and how to read its currently bound instance. */
    <T> Services with(Class<T> type, Supplier<? extends T> current) {
        suppliers.put(type, current);
        return this;
    }

    /** The service of a type as an optional service named {@code name} in a 503. */
    <T> OptionalService<T> optional(String name, Class<T> type) {
        Supplier<?> s = suppliers.get(type);
        return new OptionalService<>(name, () -> s == null ? null : type.cast(s.get()));
    }
}
