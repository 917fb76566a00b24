package nl.proeftuin.core.rest.internal;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.api.plugins.Alert;
import nl.proeftuin.core.api.plugins.Binding;
import nl.proeftuin.core.api.plugins.BindingChange;
import nl.proeftuin.core.api.plugins.BindingInput;
import nl.proeftuin.core.api.plugins.PluginInfo;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.api.plugins.PlannedSwitch;
import nl.proeftuin.core.api.plugins.SwitchInput;
import nl.proeftuin.core.api.triage.ReplayInput;
import nl.proeftuin.core.api.triage.ReplayResult;
import nl.proeftuin.core.api.triage.TriageReplay;

/**
 * The plugin runtime: {@code /plugins} present, {@code /bindings} per region and municipality with
 * their history, and {@code /alerts}.
 *
 * <p>An extension point in the path or the query is case-insensitive ({@code triage} or
 * {@code TRIAGE}); an unknown one is a 400 naming the parameter {@code point}, never a 404, so a
 * client can tell a mistyped point from a binding that does not exist.
 *
 * <p>A coordinator's municipalities bound what they configure: a municipality's own binding is for a
 * coordinator of that municipality, what is region-wide (the region's binding, planned switches, triage
 * replays) for one granted all municipalities (403 {@code other_municipality} otherwise, logged as DENIED).
 * A coordinator limited to some municipalities reads the region's bindings (the defaults their
 * municipalities resolve) and their own municipalities', as the monitor shows them only their own rows.
 */
final class BindingResource {
    static final int DEFAULT_ALERTS = 100;
    static final int MAX_ALERTS = 1000;

    private final OptionalService<PluginRuntime> runtime;
    /** switches: replay of a candidate triage. */
    private final OptionalService<TriageReplay> replay;
    /** Logs a refusal on the coordinator's municipality scope. */
    private final Guard guard;

    BindingResource(OptionalService<PluginRuntime> runtime, OptionalService<TriageReplay> replay, Guard guard) {
        this.runtime = runtime;
        this.replay = replay;
        this.guard = guard;
    }

    private static final String BIND_DESCRIPTION = "For coordinators: a municipality's binding for a coordinator of "
            + "that municipality, the region's for one granted all municipalities (403 other_municipality otherwise). "
            + "The change takes effect for the next request; a request that already resolved its binding keeps it. "
            + "The configuration is checked against the plugin's declared configuration (see GET /plugins): an "
            + "unknown (misspelt) key, a value of the wrong type, out of range or outside the options is a 400 "
            + "naming `configuration.<key>`, and nothing is stored. "
            + "`expectedRevision` (optional) is the revision of this scope's own binding the change was decided "
            + "against (0: none): when someone changed it meanwhile the answer is 409 `binding-changed` with "
            + "`currentRevision`, and nothing is stored. Without it the last change wins, as before (the shell, "
            + "region defaults and older clients); the web UI always sends it. A planned switch that is due is "
            + "applied first (decision 0031).";

    private static final String CONFLICT_409 = "plugin-not-present: no plugin with that id serves this extension "
            + "point now; binding-changed: expectedRevision is not the binding's revision now (currentRevision "
            + "says which).";

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
                .describe("A coordinator limited to some municipalities sees the region's bindings and those of "
                        + "their own municipalities only.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returns(200, "OK", Route.listOf(Binding.class))
                .handle(r -> Reply.ok(visible(r, runtime.get().bindings(), Binding::municipality))));
        router.add(Route.get("/bindings/effective")
                .operation("effectiveBinding", "plugins", "The binding a municipality's requests resolve: its own, "
                        + "else the region's.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("point", ExtensionPoint.class, "The extension point (case-insensitive); absent or "
                        + "another value is a 400 naming point.")
                .query("municipality", String.class, "The municipality; absent for the region's own binding. A "
                        + "coordinator limited to some municipalities names one of theirs (403 other_municipality).")
                .returns(200, "OK", Binding.class)
                .problem(404, "No binding applies (neither the municipality's nor the region's): the extension point's "
                        + "fallback is in force.")
                .responses(400)
                .handle(this::effective));
        router.add(Route.get("/bindings/history")
                .operation("bindingHistory", "plugins", "Binding changes with who, when and why, newest first.")
                .describe("A coordinator limited to some municipalities sees the region's changes and those of their "
                        + "own municipalities only.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("point", ExtensionPoint.class, "Only this extension point (case-insensitive); absent for all; "
                        + "another value is a 400 naming point.")
                .returns(200, "OK", Route.listOf(BindingChange.class))
                .responses(400)
                .handle(r -> Reply.ok(visible(r, runtime.get().history(r.queryEnum("point", ExtensionPoint.class)),
                        BindingChange::municipality))));

        router.add(Route.put("/bindings/{point}/region")
                .operation("bindRegion", "plugins", "Binds a plugin to an extension point for the whole region.")
                .describe(BIND_DESCRIPTION)
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(BindingInput.class)
                .returns(200, "The binding as it is now", Binding.class)
                .problem(409, CONFLICT_409)
                .handle(r -> bind(r, null)));
        router.add(Route.put("/bindings/{point}/municipalities/{municipality}")
                .operation("bindMunicipality", "plugins", "Binds a plugin to an extension point for one municipality "
                        + "(overrides the region's).")
                .describe(BIND_DESCRIPTION)
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(BindingInput.class)
                .returns(200, "The binding as it is now", Binding.class)
                .problem(409, CONFLICT_409)
                .handle(r -> bind(r, r.path("municipality"))));
        router.add(Route.delete("/bindings/{point}/region")
                .operation("unbindRegion", "plugins", "Removes the region's binding (municipality bindings stay; "
                        + "elsewhere the fallback applies).")
                .describe("For coordinators granted all municipalities, as for PUT. The removal is recorded in the "
                        + "history with the reason.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("reason", String.class, "Why (kept in the history); absent is a 400 naming reason.")
                .query("expectedRevision", Long.class, "The binding's revision the removal was decided against; "
                        + "another one now is a 409 binding-changed. Absent: not checked.")
                .returns(204, "Removed", null)
                .problem(404, "There is no such binding to remove.")
                .problem(409, "binding-changed: expectedRevision is not the binding's revision now.")
                .responses(400)
                .handle(r -> unbind(r, null)));
        router.add(Route.delete("/bindings/{point}/municipalities/{municipality}")
                .operation("unbindMunicipality", "plugins", "Removes a municipality's own binding: the region's "
                        + "applies again.")
                .describe("For coordinators of the municipality, as for PUT. The removal is recorded in the history "
                        + "with the reason.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("reason", String.class, "Why (kept in the history); absent is a 400 naming reason.")
                .query("expectedRevision", Long.class, "The binding's revision the removal was decided against; "
                        + "another one now is a 409 binding-changed. Absent: not checked.")
                .returns(204, "Removed", null)
                .problem(404, "There is no such binding to remove.")
                .problem(409, "binding-changed: expectedRevision is not the binding's revision now.")
                .responses(400)
                .handle(r -> unbind(r, r.path("municipality"))));

        // --- planned switches and replays (switches, issue 15 parts 4 and 5, decision 0031) ---------
        router.add(Route.get("/bindings/switches")
                .operation("listSwitches", "plugins", "Planned binding switches and what became of them (planned, "
                        + "applied, cancelled), latest effective time first.")
                .describe("A switch takes effect at its time on every node (resolution considers due switches by "
                        + "the clock); listing writes the due ones into the bindings and their history first. A "
                        + "coordinator limited to some municipalities sees the region's switches and their own "
                        + "municipalities' only.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("point", ExtensionPoint.class, "Only this extension point (case-insensitive); absent for all.")
                .returns(200, "OK", Route.listOf(PlannedSwitch.class))
                .responses(400)
                .handle(r -> Reply.ok(visible(r, runtime.get().switches(r.queryEnum("point", ExtensionPoint.class)),
                        PlannedSwitch::municipality))));
        router.add(Route.post("/bindings/{point}/switches")
                .operation("planSwitch", "plugins", "Plans a binding switch for the region or a municipality at a "
                        + "future time, optionally with its end.")
                .describe("For coordinators granted all municipalities (403 other_municipality otherwise). From "
                        + "`from` the scope (`municipality`, absent for the region) is bound "
                        + "to `pluginId` with `configuration` (checked as a bind checks it); with `until` the "
                        + "scope's binding ends then and the region's binding (or the fallback) applies again. "
                        + "Without `pluginId` the scope's binding ends at `from`. `from` must lie in the future "
                        + "(to switch now, use PUT). `expectedRevision` as for PUT.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(SwitchInput.class)
                .returns(201, "The planned switches (the start, and the end with until)",
                        Route.listOf(PlannedSwitch.class))
                .problem(409, CONFLICT_409)
                .handle(this::plan));
        router.add(Route.delete("/bindings/{point}/switches/{switchId}")
                .operation("cancelSwitch", "plugins", "Cancels a planned switch before its time.")
                .describe("For coordinators granted all municipalities (403 other_municipality otherwise). Kept in "
                        + "the list as CANCELLED with who and why.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .requiredQuery("reason", String.class, "Why; absent is a 400 naming reason.")
                .returns(200, "The cancelled switch", PlannedSwitch.class)
                .problem(404, "No such switch of this extension point.")
                .problem(409, "switch-not-planned: it took effect or was cancelled already.")
                .responses(400)
                .handle(this::cancel));
        router.add(Route.post("/triage-replays")
                .operation("replayTriage", "plugins", "Replays a candidate triage plugin and configuration over a "
                        + "cohort's stored triage facts: how many decisions would have differed, and which way.")
                .describe("For coordinators granted all municipalities (403 other_municipality otherwise). The "
                        + "cohort: every case of `municipality` (absent: all) whose triage was decided from `from` "
                        + "to `to` (days, inclusive, Europe/Amsterdam), with its latest decision in that period. The "
                        + "candidate (`pluginId`, bound or not, present on this node; `configuration` checked as a "
                        + "binding's) is asked with the stored facts and the round's "
                        + "assessments, on the core's threads within the same time budget as live triage; a failure "
                        + "counts as MANUAL_TRIAGE. Nothing is written (no outcome, event, alert or outbox entry); "
                        + "the answer holds counts only, no case content. Access-logged.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .body(ReplayInput.class)
                .returns(200, "The table of old decision x new decision", ReplayResult.class)
                .problem(409, "plugin-not-present: no triage plugin with that id is installed; cohort-too-large: "
                        + "more than 10,000 cases, choose a shorter period or one municipality.")
                .handle(this::replay));

        router.add(Route.get("/alerts")
                .operation("listAlerts", "plugins", "Alerts for the coordinator (fallbacks used, plugins failing), "
                        + "newest first.")
                .describe("A coordinator limited to some municipalities sees their alerts and the region's.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("limit", Integer.class, "At most this many, 1 to 1000.")
                .returns(200, "OK", Route.listOf(Alert.class))
                .responses(400)
                .handle(r -> Reply.ok(runtime.get().alerts(Guard.municipalityScope(r), r.queryInt("limit", DEFAULT_ALERTS, 1, MAX_ALERTS)))));
    }

    /** The binding a municipality's requests resolve (its own, else the region's); without one, the region's. */
    private Reply effective(ApiRequest r) {
        PluginRuntime service = runtime.get();
        ExtensionPoint point = r.requiredQueryEnum("point", ExtensionPoint.class);
        String municipality = r.query("municipality");
        Principal principal = Guard.principal(r);
        if (municipality != null && !principal.covers(municipality)) {
            throw guard.outsideScope(r, "municipality", "binding", municipality + " lies outside your municipalities "
                    + principal.municipalities());
        }
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
        Actor actor = coordinator(r, municipality);
        ExtensionPoint point = r.pathEnum("point", ExtensionPoint.class);
        BindingInput input = r.body(BindingInput.class);
        return Reply.ok(service.bind(actor, point, municipality, input));
    }

    private Reply unbind(ApiRequest r, String municipality) {
        PluginRuntime service = runtime.get();
        Actor actor = coordinator(r, municipality);
        ExtensionPoint point = r.pathEnum("point", ExtensionPoint.class);
        String reason = r.requiredQuery("reason");
        Long expected = number(r.query("expectedRevision"), "expectedRevision");
        service.unbind(actor, point, municipality, reason, expected);
        return Reply.noContent();
    }

    private Reply plan(ApiRequest r) {
        PluginRuntime service = runtime.get();
        Actor actor = coordinator(r, null);
        ExtensionPoint point = r.pathEnum("point", ExtensionPoint.class);
        SwitchInput input = r.body(SwitchInput.class);
        return Reply.json(201, service.planSwitch(actor, point, input));
    }

    private Reply cancel(ApiRequest r) {
        PluginRuntime service = runtime.get();
        Actor actor = coordinator(r, null);
        ExtensionPoint point = r.pathEnum("point", ExtensionPoint.class);
        long id = number(r.path("switchId"), "switchId");
        String reason = r.requiredQuery("reason");
        boolean ofPoint = service.switches(point).stream().anyMatch(s -> s.id() == id);
        if (!ofPoint) {
            throw ApiProblem.notFound("No planned switch " + id + " of " + point);
        }
        return Reply.ok(service.cancelSwitch(actor, id, reason));
    }

    private Reply replay(ApiRequest r) {
        TriageReplay service = replay.get();
        Actor actor = coordinator(r, null);
        ReplayInput input = r.body(ReplayInput.class);
        return Reply.ok(service.replay(actor, input));
    }

    /** A whole number of at most 18 digits, else a 400 naming the field. */
    private static Long number(String raw, String name) {
        if (raw == null) {
            return null;
        }
        if (!raw.matches("[0-9]{1,18}")) {
            throw new nl.proeftuin.core.api.InvalidInputException(name, "must be a whole number of 0 or more");
        }
        return Long.valueOf(raw);
    }

    /**
     * Who changes a binding: a coordinator (the route's role, checked by the guard) whose municipalities
     * cover the change. A municipality's own binding needs that municipality; what is region-wide (the
     * region's binding, planned switches, whichever scope they name, and replays) needs all
     * municipalities. 403 {@code other_municipality} otherwise, logged as DENIED. Every binding change
     * goes through this method, so it is the one place to change.
     *
     * @param municipality the municipality whose own binding changes, or null for a region-wide change
     */
    private Actor coordinator(ApiRequest r, String municipality) {
        Principal principal = Guard.principal(r);
        if (municipality == null && !principal.allMunicipalities()) {
            throw guard.outsideScope(r, "municipality", "binding", "Region-wide binding changes, planned switches "
                    + "and replays are for coordinators granted all municipalities; yours are "
                    + principal.municipalities());
        }
        if (municipality != null && !principal.covers(municipality)) {
            throw guard.outsideScope(r, "municipality", "binding", municipality + " lies outside your municipalities "
                    + principal.municipalities());
        }
        return Actors.from(r);
    }

    /**
     * What of a list a coordinator may read: everything with all municipalities; limited to some, the
     * region's entries (the defaults their municipalities resolve) and their own municipalities'.
     */
    private static <T> List<T> visible(ApiRequest r, List<T> items,
            java.util.function.Function<T, String> municipality) {
        Principal principal = Guard.principal(r);
        if (principal.allMunicipalities()) {
            return items;
        }
        return items.stream().filter(item -> municipality.apply(item) == null
                || principal.covers(municipality.apply(item))).toList();
    }
}
