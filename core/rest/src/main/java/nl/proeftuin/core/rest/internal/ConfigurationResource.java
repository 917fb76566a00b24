package nl.proeftuin.core.rest.internal;

import java.util.List;

import nl.proeftuin.core.api.plugins.ConfigurationDifference;
import nl.proeftuin.core.api.plugins.ConfigurationDocument;
import nl.proeftuin.core.api.plugins.ConfigurationImport;
import nl.proeftuin.core.api.plugins.PluginRuntime;
import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.audit.AccessEvent;
import nl.proeftuin.core.audit.AccessLog;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;

/**
 * Configuration promotion between instances: {@code GET /configuration/export} writes every binding of
 * the region and its municipalities as one versioned document, {@code POST /configuration/import}
 * answers what it would change ({@code dryRun=true}) or applies it in one transaction. Who may: a
 * coordinator (the role that binds, region-wide too) granted all municipalities, because the document
 * is the whole region's (403 {@code other_municipality} otherwise, as for the register and users).
 *
 * <p>An applied import is one access-log entry per change ({@code BINDING_CHANGE}, object {@code binding},
 * the point and scope, old and new plugin), beside the request's own entry that counts them.
 */
final class ConfigurationResource {

    private final OptionalService<PluginRuntime> runtime;
    private final OptionalService<AccessLog> log;

    ConfigurationResource(OptionalService<PluginRuntime> runtime, OptionalService<AccessLog> log) {
        this.runtime = runtime;
        this.log = log;
    }

    void register(Router router) {
        router.add(Route.get("/configuration/export")
                .operation("exportConfiguration", "plugins", "The region's binding configuration as one versioned "
                        + "document, to import into another instance.")
                .describe("Every binding of the region and of its municipalities (default bindings included) with "
                        + "the plugin id, the version of the plugin's bundle here and the binding's configuration. No "
                        + "secret is in it: a binding names the administrator's endpoints and secrets only by name "
                        + "(they stay in each instance's etc/). For a coordinator granted all municipalities; logged "
                        + "as an EXPORT.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .returns(200, "The document", ConfigurationDocument.class)
                .handle(r -> {
                    PluginRuntime service = runtime.get();
                    requireWholeRegion(r);
                    return Reply.ok(service.exportConfiguration(Actors.from(r)));
                }));
        router.add(Route.post("/configuration/import")
                .operation("importConfiguration", "plugins", "Makes this instance's bindings those of an exported "
                        + "document: first as a dry run, then applied in one transaction.")
                .describe("With `dryRun=true` nothing is changed: the answer lists what would be added, changed and "
                        + "removed per extension point and scope (old and new plugin and configuration). Without it "
                        + "the differences are applied all at once or not at all, each in the binding history with "
                        + "`reason` and in the access log. Every entry is checked as a binding is (the extension point, "
                        + "the municipality in this region's register, the plugin present here in the same major "
                        + "version and at least as new, its configuration against the plugin's declared definition "
                        + "and the plugin's own check); one bad entry refuses the whole document with a 400 naming "
                        + "every bad entry (`bindings[i].pluginId`, `.pluginVersion`, `.municipality`, `.point`, "
                        + "`.configuration.<key>`), as does an unknown document `version`.")
                .policy(RoutePolicy.anyOf(Role.COORDINATOR))
                .query("dryRun", Boolean.class, "true: only answer the differences; absent or false: apply them.")
                .query("reason", String.class, "Why (kept in the binding history); required unless dryRun.")
                .body(ConfigurationDocument.class)
                .returns(200, "What changed, or would change", ConfigurationImport.class)
                .handle(this::importDocument));
    }

    private Reply importDocument(ApiRequest r) {
        PluginRuntime service = runtime.get();
        Principal principal = requireWholeRegion(r);
        boolean dryRun = r.queryBoolean("dryRun");
        Guard.Entry entry = Guard.entry(r);
        if (entry != null && dryRun) {
            entry.action = AccessAction.READ;
        } else if (entry != null) {
            entry.action = AccessAction.BINDING_CHANGE;
        }
        ConfigurationDocument document = r.body(ConfigurationDocument.class);
        ConfigurationImport result = service.importConfiguration(Actors.from(r), document, r.query("reason"), dryRun);
        if (entry != null) {
            entry.change = (dryRun ? "dry run: " : "applied: ") + result.differences().size() + " differences, "
                    + result.unchanged() + " unchanged";
            if (!dryRun) {
                AccessLog accessLog = log.get();
                for (ConfigurationDifference d : result.differences()) {
                    accessLog.append(new AccessEvent(AccessAction.BINDING_CHANGE, AccessEvent.SUCCESS,
                            principal.userId(), principal.name(), entry.admitted.role(), null, null, List.of(), null,
                            "binding", d.point() + "/" + (d.municipality() == null ? "region" : d.municipality()),
                            entry.admitted.requestId(), "configuration import " + d.change() + ": " + d.oldPluginId()
                                    + " " + (d.oldConfiguration() == null ? "" : d.oldConfiguration()) + " -> "
                                    + d.newPluginId() + " " + (d.newConfiguration() == null ? "" : d.newConfiguration())
                                    + "; reason: " + r.query("reason"),
                            principal.organisation(), false));
                }
            }
        }
        return Reply.ok(result);
    }

    /** The document is the whole region's: only a coordinator granted all municipalities exports or imports it. */
    private static Principal requireWholeRegion(ApiRequest r) {
        Principal p = Guard.principal(r);
        if (!p.allMunicipalities()) {
            throw new ApiProblem(403, "Forbidden", "Only a coordinator granted all municipalities exports or imports "
                    + "the region's configuration").with("reason", "other_municipality");
        }
        return p;
    }
}
