package nl.proeftuin.plugins.triage.threeway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The binding configuration of the three-way triage, as the core checks it at bind time and shows it
 * in {@code GET /api/v1/plugins} (a method {@code complex_minProblemDomains} is the key
 * {@code complex.minProblemDomains}); the plugin reads it with the OSGi Converter (public: the Converter
 * proxies it). The rules across keys are {@link ThreeWayCriteria}'s.
 */
@ObjectClassDefinition(id = ThreeWayTriage.ID, name = "Three-way triage",
        description = "Criteria of the three-way split: meervoudig complex when any multiComplex criterion holds,"
                + " else complex when any complex criterion holds, else enkelvoudig.")
public @interface ThreeWayConfig {

    @AttributeDefinition(name = "Complex from life domains", min = "0", max = "9",
            description = "Complex when problems are recorded in at least this many life domains; 0 = criterion off.")
    int complex_minProblemDomains() default 3;

    @AttributeDefinition(name = "Complex from safety concern", options = {
            @Option(value = "MODERATE", label = "Moderate"), @Option(value = "SERIOUS", label = "Serious"),
            @Option(value = "ACUTE", label = "Acute"), @Option(value = "OFF", label = "Off")},
            description = "Complex when the safety concern is at least this severe.")
    String complex_onSafetyConcern() default "SERIOUS";

    @AttributeDefinition(name = "Complex on parental problems",
            description = "Complex when a parent has any of these problems (comma-separated codes); empty = off.")
    String complex_onParentalProblems() default "ADDICTION,PSYCHIATRY";

    @AttributeDefinition(name = "Meervoudig complex from life domains", min = "0", max = "9",
            description = "Meervoudig complex from this many life domains; 0 = off; not below complex.minProblemDomains.")
    int multiComplex_minProblemDomains() default 5;

    @AttributeDefinition(name = "Meervoudig complex from safety concern", options = {
            @Option(value = "MODERATE", label = "Moderate"), @Option(value = "SERIOUS", label = "Serious"),
            @Option(value = "ACUTE", label = "Acute"), @Option(value = "OFF", label = "Off")},
            description = "Meervoudig complex when the safety concern is at least this severe; not below"
                    + " complex.onSafetyConcern.")
    String multiComplex_onSafetyConcern() default "OFF";

    @AttributeDefinition(name = "Meervoudig complex on repeated violence",
            description = "Meervoudig complex when violence happened before.")
    boolean multiComplex_onRepeatedViolence() default true;

    @AttributeDefinition(name = "Meervoudig complex on earlier help without result",
            description = "Meervoudig complex when earlier help brought no breakthrough.")
    boolean multiComplex_onEarlierHelpWithoutResult() default true;

    @AttributeDefinition(name = "Meervoudig complex on parental problems",
            description = "Meervoudig complex when a parent has any of these problems (comma-separated codes); empty = off.")
    String multiComplex_onParentalProblems() default "";
}
