package nl.proeftuin.core.rest.internal;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;

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

    private static final String BIND_DESCRIPTION = "For coordinators. The change takes effect for the next request; a "
            + "request that already resolved its binding keeps it. The configuration is checked against the plugin's "
            + "declared configuration (see GET /plugins): an unknown (misspelt) key, a value of the wrong type, out of "
            + "range or outside the options is a 400 naming `configuration.<key>`, and nothing is stored.";

    void register(Router router) {
        router.add(Route.get("/plugins")
                .operation("listPlugins", "plugins", "Every plugin service present now, by extension point and plugin "
                        + "id.")
                .describe("Each plugin with the binding configuration it declares (`configuration`: keys, types, "
                        + "defaults, descriptions, ranges and options, from its metatype definition), so that a form "
                        + "can be rendered; absent for a plugin that declares none. The core refuses, at bind time, "
                        + "a configuration that does not fit the declaration: 400 naming `configuration.<key>`.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returns(200, "OK", Route.listOf(PluginInfo.class))
                .handle(r -> Reply.ok(runtime.get().plugins())));
        router.add(Route.get("/bindings")
                .operation("listBindings", "plugins", "Every binding, region and municipality ones.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returns(200, "OK", Route.listOf(Binding.class))
                .handle(r -> Reply.ok(runtime.get().bindings())));
        router.add(Route.get("/bindings/effective")
                .operation("effectiveBinding", "plugins", "The binding a municipality's requests resolve: its own, "
                        + "else the region's.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("point", ExtensionPoint.class, "The extension point (case-insensitive); absent or "
                        + "another value is a 400 naming point.")
                .query("municipality", String.class, "The municipality; absent for the region's own binding.")
                .returns(200, "OK", Binding.class)
                .problem(404, "No binding applies (neither the municipality's nor the region's): the extension point's "
                        + "fallback is in force.")
                .responses(400)
                .handle(this::effective));
        router.add(Route.get("/bindings/history")
                .operation("bindingHistory", "plugins", "Binding changes with who, when and why, newest first.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("point", ExtensionPoint.class, "Only this extension point (case-insensitive); absent for all; "
                        + "another value is a 400 naming point.")
                .returns(200, "OK", Route.listOf(BindingChange.class))
                .responses(400)
                .handle(r -> Reply.ok(runtime.get().history(r.queryEnum("point", ExtensionPoint.class)))));

        router.add(Route.put("/bindings/{point}/region")
                .operation("bindRegion", "plugins", "Binds a plugin to an extension point for the whole region.")
                .describe(BIND_DESCRIPTION)
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(BindingInput.class)
                .returns(200, "The binding as it is now", Binding.class)
                .problem(409, "plugin-not-present: no plugin with that id serves this extension point now.")
                .handle(r -> bind(r, null)));
        router.add(Route.put("/bindings/{point}/municipalities/{municipality}")
                .operation("bindMunicipality", "plugins", "Binds a plugin to an extension point for one municipality "
                        + "(overrides the region's).")
                .describe(BIND_DESCRIPTION)
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(BindingInput.class)
                .returns(200, "The binding as it is now", Binding.class)
                .problem(409, "plugin-not-present: no plugin with that id serves this extension point now.")
                .handle(r -> bind(r, r.path("municipality"))));
        router.add(Route.delete("/bindings/{point}/region")
                .operation("unbindRegion", "plugins", "Removes the region's binding (municipality bindings stay; "
                        + "elsewhere the fallback applies).")
                .describe("For coordinators, as for PUT. The removal is recorded in the history with the reason.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("reason", String.class, "Why (kept in the history); absent is a 400 naming reason.")
                .returns(204, "Removed", null)
                .problem(404, "There is no such binding to remove.")
                .responses(400)
                .handle(r -> unbind(r, null)));
        router.add(Route.delete("/bindings/{point}/municipalities/{municipality}")
                .operation("unbindMunicipality", "plugins", "Removes a municipality's own binding: the region's "
                        + "applies again.")
                .describe("For coordinators, as for PUT. The removal is recorded in the history with the reason.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("reason", String.class, "Why (kept in the history); absent is a 400 naming reason.")
                .returns(204, "Removed", null)
                .problem(404, "There is no such binding to remove.")
                .responses(400)
                .handle(r -> unbind(r, r.path("municipality"))));

        router.add(Route.get("/alerts")
                .operation("listAlerts", "plugins", "Alerts for the coordinator (fallbacks used, plugins failing), "
                        + "newest first.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("limit", Integer.class, "At most this many, 1 to 1000.")
                .returns(200, "OK", Route.listOf(Alert.class))
                .responses(400)
                .handle(r -> Reply.ok(runtime.get().alerts(r.queryInt("limit", DEFAULT_ALERTS, 1, MAX_ALERTS)))));
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
