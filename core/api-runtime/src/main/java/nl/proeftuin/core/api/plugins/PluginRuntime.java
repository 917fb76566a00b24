package nl.proeftuin.core.api.plugins;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.spi.ExtensionPoint;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Plugins present, bindings and their history, and alerts. Binding changes take effect for the next
 * request on every node; a request that already resolved its binding keeps it.
 *
 * @throws nl.proeftuin.core.api.InvalidInputException  on invalid input
 * @throws nl.proeftuin.core.api.RuleViolationException {@code plugin-not-present} when binding a plugin
 *                                                      that is not installed for that extension point
 * @throws nl.proeftuin.core.api.NotFoundException      when removing a binding that does not exist
 */
@ProviderType
public interface PluginRuntime {

    /** Every plugin service present now, by extension point and plugin id. */
    List<PluginInfo> plugins();

    /** Every binding (region and municipality ones). */
    List<Binding> bindings();

    /**
     * The binding that applies to a municipality: its own, else the region's; null when neither.
     */
    Binding effectiveBinding(ExtensionPoint point, String municipality);

    /** Sets the binding of a point for the region ({@code municipality} null) or one municipality. */
    Binding bind(Actor actor, ExtensionPoint point, String municipality, BindingInput input);

    /** Removes a municipality's own binding (the region's applies again) or the region's binding. */
    void unbind(Actor actor, ExtensionPoint point, String municipality, String reason);

    /**
     * The region's binding configuration as one document (every binding with its plugin's version and
     * configuration; no secret: bindings name the administrator's endpoints by name).
     *
     * @since 1.1
     */
    ConfigurationDocument exportConfiguration(Actor actor);

    /**
     * Makes this instance's bindings those of the document: every binding it names is set, every other
     * one removed. Each entry is checked as {@link #bind} checks it (extension point, municipality in the
     * register, plugin present in a compatible version, its configuration against the plugin's
     * definition and the plugin's own check) before anything is written; one bad entry refuses the whole
     * document (an {@link nl.proeftuin.core.api.InvalidInputException} naming every bad entry). Applied in
     * one transaction, each change in the binding history with {@code reason}.
     *
     * @param reason why (required unless {@code dryRun})
     * @param dryRun only tell what would change
     * @since 1.1
     */
    ConfigurationImport importConfiguration(Actor actor, ConfigurationDocument document, String reason, boolean dryRun);

    /** Binding history, newest first; {@code point} null for all. */
    List<BindingChange> history(ExtensionPoint point);

    /** Alerts, newest first, at most {@code limit}. */
    List<Alert> alerts(int limit);

    /**
     * The alerts of some municipalities and of the region (an alert naming no municipality), newest first,
     * chosen before the limit.
     *
     * @param municipalities the municipalities; null for every municipality's
     * @since 1.3
     */
    List<Alert> alerts(java.util.Set<String> municipalities, int limit);

    // --- planned switches and the expected revision (switches, issue 15 part 5, decision 0031) ----

    /**
     * Removes a binding as {@link #unbind(Actor, ExtensionPoint, String, String)} does, refused with
     * {@link BindingChangedException} when {@code expectedRevision} is given and is not the binding's
     * revision.
     *
     * @since 1.2
     */
    void unbind(Actor actor, ExtensionPoint point, String municipality, String reason, Long expectedRevision);

    /**
     * Plans a switch of a scope's binding at a future time, and optionally its end: it takes effect
     * at its time on every node (the binding's resolution considers due switches by the clock), with no
     * restart and no job. The plugin and configuration are checked as {@link #bind} checks them.
     *
     * @return the planned switches (one, or two with {@code until})
     * @throws BindingChangedException when {@code expectedRevision} is given and is not the scope's
     * @since 1.2
     */
    List<PlannedSwitch> planSwitch(Actor actor, ExtensionPoint point, SwitchInput input);

    /**
     * Planned, applied and cancelled switches, latest effective time first; {@code point} null for all.
     *
     * @since 1.2
     */
    List<PlannedSwitch> switches(ExtensionPoint point);

    /**
     * Cancels a planned switch that has not taken effect.
     *
     * @throws nl.proeftuin.core.api.NotFoundException      no such switch
     * @throws nl.proeftuin.core.api.RuleViolationException {@code switch-not-planned} when it took
     *                                                      effect or was cancelled already
     * @since 1.2
     */
    PlannedSwitch cancelSwitch(Actor actor, long id, String reason);
}
