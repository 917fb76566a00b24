package nl.proeftuin.core.engine.internal;

import nl.proeftuin.core.spi.ExtensionPoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One default binding, as a factory configuration of {@link DefaultBinding} (factory PID
 * {@code nl.proeftuin.core.engine.internal.DefaultBinding}), for example from a region feature's
 * {@code <config name="nl.proeftuin.core.engine.internal.DefaultBinding~centraal_gelderland_triage">}
 * (no {@code -} after the {@code ~}: Felix FileInstall splits the etc/ file name at the first one).
 */
@ObjectClassDefinition(
        name = "Proeftuin default binding",
        description = "Binds a plugin to an extension point when no binding exists yet for that point and scope."
                + " A binding set by a coordinator is never overwritten.")
@interface DefaultBindingConfig {

    @AttributeDefinition(name = "Extension point", description = "TRIAGE, CARE_PATH, LOCAL_TEAM or PROCUREMENT")
    ExtensionPoint point();

    @AttributeDefinition(name = "Municipality", description = "The municipality; empty for the whole region")
    String municipality() default "";

    @AttributeDefinition(name = "Plugin id", description = "The plugin to bind (it need not be installed yet)")
    String pluginId();

    @AttributeDefinition(name = "Configuration",
            description = "The binding's configuration as key=value entries (split at the first '=')")
    String[] configuration() default {};

    @AttributeDefinition(name = "Reason", description = "Kept in the binding history")
    String reason() default "default of the region's feature";
}
