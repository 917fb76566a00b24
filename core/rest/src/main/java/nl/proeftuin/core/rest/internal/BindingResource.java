package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.runtime.Binding;
import nl.proeftuin.core.spi.runtime.BindingInput;
import nl.proeftuin.core.spi.runtime.PluginRuntime;

/**
 * The plugin runtime: {@code /plugins} present, {@code /bindings} per region and municipality with
 * their history, and {@code /alerts}.
 *
 * <p>An extension point in the path or the query is case-insensitive ({@code triage} or
 * {@code TRIAGE}); an unknown one is a 400 naming the parameter {@code point}, never a 404, so a
 * client can tell a mistyped point from a binding that does not exist.
 */
final class BindingResource {
    static final int DEFAULT_ALERTS = 100;
    static final int MAX_ALERTS = 1000;

    private final OptionalService<PluginRuntime> runtime;

    BindingResource(OptionalService<PluginRuntime> runtime) {
        this.runtime = runtime;
    }

    void register(Router router) {
        router.add("GET", "/plugins", r -> Reply.ok(runtime.get().plugins()));
        router.add("GET", "/bindings", r -> Reply.ok(runtime.get().bindings()));
        router.add("GET", "/bindings/effective", this::effective);
        router.add("GET", "/bindings/history",
                r -> Reply.ok(runtime.get().history(r.queryEnum("point", ExtensionPoint.class))));

        router.add("PUT", "/bindings/{point}/region", r -> bind(r, null));
        router.add("PUT", "/bindings/{point}/municipalities/{municipality}", r -> bind(r, r.path("municipality")));
        router.add("DELETE", "/bindings/{point}/region", r -> unbind(r, null));
        router.add("DELETE", "/bindings/{point}/municipalities/{municipality}", r -> unbind(r, r.path("municipality")));

        router.add("GET", "/alerts", r -> Reply.ok(runtime.get().alerts(r.queryInt("limit", DEFAULT_ALERTS, 1, MAX_ALERTS))));
    }

    /** The binding a municipality's requests resolve (its own, else the region's); without one, the region's. */
    private Reply effective(ApiRequest r) {
        PluginRuntime service = runtime.get();
        ExtensionPoint point = r.requiredQueryEnum("point", ExtensionPoint.class);
        String municipality = r.query("municipality");
        Binding binding = service.effectiveBinding(point, municipality);
        if (binding == null) {
            throw ApiProblem.notFound("No binding for " + point
                    + (municipality == null ? " in the region" : " in " + municipality + " or the region"));
        }
        return Reply.ok(binding);
    }

    /** Checks in the order every write uses: service ready (503), actor (400), parameters (400), body. */
    private Reply bind(ApiRequest r, String municipality) {
        PluginRuntime service = runtime.get();
        Actor actor = coordinator(r);
        ExtensionPoint point = r.pathEnum("point", ExtensionPoint.class);
        BindingInput input = r.body(BindingInput.class);
        return Reply.ok(service.bind(actor, point, municipality, input));
    }

    private Reply unbind(ApiRequest r, String municipality) {
        PluginRuntime service = runtime.get();
        Actor actor = coordinator(r);
        ExtensionPoint point = r.pathEnum("point", ExtensionPoint.class);
        String reason = r.requiredQuery("reason");
        service.unbind(actor, point, municipality, reason);
        return Reply.noContent();
    }

    /**
     * Who changes a binding. Until the security issue lands, any write that names its actor may
     * (the same trusted headers as every other write, see {@link Actors}).
     *
     * <p>SECURITY ISSUE HOOK: binding changes are for coordinators only. When login tokens replace
     * {@link Actors}, check the coordinator role here and answer 403 problem+json without it; every
     * binding change goes through this method, so it is the one place to change.
     */
    private static Actor coordinator(ApiRequest r) {
        return Actors.from(r);
    }
}
