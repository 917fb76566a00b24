package nl.proeftuin.plugins.example.triage.internal;

import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The binding configuration of the example triage: none. Declaring it anyway (with
 * {@code @PluginConfiguration}) lets the core refuse any key at bind time instead of storing it.
 * A plugin with settings declares each as a typed method with a default and an
 * {@code @AttributeDefinition} (see the three-way triage's {@code ThreeWayConfig}).
 */
@ObjectClassDefinition(id = SafetyFirstTriage.ID, name = "Example triage (safety first)",
        description = "Takes no configuration.")
@interface SafetyFirstConfig {
}
