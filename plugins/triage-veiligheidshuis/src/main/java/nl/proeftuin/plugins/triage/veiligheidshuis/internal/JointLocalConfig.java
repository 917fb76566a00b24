package nl.proeftuin.plugins.triage.veiligheidshuis.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The binding configuration of the joint local triage: the core checks it at bind time, and the plugin
 * reads it with the OSGi Converter (public: the Converter proxies it).
 */
@ObjectClassDefinition(id = JointLocalTriage.ID, name = "Joint local triage (Zorg- en Veiligheidshuis)",
        description = "Veilig Thuis and the local team each assess the signal; the route follows when they agree.")
public @interface JointLocalConfig {

    @AttributeDefinition(name = "On disagreement", options = {
            @Option(value = JointLocalTriage.ESCALATE, label = "Escalate to a Veiligheidshuis table"),
            @Option(value = JointLocalTriage.MANUAL, label = "Leave it to a person (manual triage)")},
            description = "What happens when the two assessments disagree.")
    String onDisagreement() default JointLocalTriage.ESCALATE;
}
