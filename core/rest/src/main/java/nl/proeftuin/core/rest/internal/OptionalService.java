package nl.proeftuin.core.rest.internal;

import java.util.function.Supplier;

/**
 * A core service the API can run without (it is an optional, dynamic reference): an endpoint that
 * needs it while it is absent answers 503 problem+json instead of failing.
 *
 * @param <T> the service type
 */
final class OptionalService<T> {
    private final String name;
    private final Supplier<T> current;

    /**
     * @param name    how the 503 names it, for example {@code case service}
     * @param current reads the currently bound service, or null
     */
    OptionalService(String name, Supplier<T> current) {
        this.name = name;
        this.current = current;
    }

    /** @throws ApiProblem 503 when the service is not bound */
    T get() {
        T service = current.get();
        if (service == null) {
            throw ApiProblem.notReady(name);
        }
        return service;
    }

    /** @return the bound service, or null (living: a check that only a separate service makes) */
    T orNull() {
        return current.get();
    }
}
