package nl.proeftuin.plugins.carepath.mdaplusplus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The binding configuration of MDA++, as the core checks it at bind time and shows it in
 * {@code GET /api/v1/plugins} (a method {@code entry_minProblemDomains} is the key
 * {@code entry.minProblemDomains}); the plugin reads it with the OSGi Converter (public: the Converter
 * proxies it). The rules within a value (the core team's list) are
 * {@link MdaPlusPlusCriteria}'s.
 */
@ObjectClassDefinition(id = MdaPlusPlusPath.ID, name = "MDA++ care path",
        description = "Entry criteria, core team, casusregie and repeat incidents of the multidisciplinary approach.")
public @interface MdaPlusPlusConfig {

    @AttributeDefinition(name = "Entry requires repeated violence",
            description = "Eligible only when violence happened before (severe, recurring violence).")
    boolean entry_requireRepeatedViolence() default true;

    @AttributeDefinition(name = "Entry from life domains", min = "0", max = "9",
            description = "Eligible only with problems in at least this many life domains; 0 = criterion off.")
    int entry_minProblemDomains() default 2;

    @AttributeDefinition(name = "Entry requires earlier help without result",
            description = "Eligible only when earlier help brought no breakthrough.")
    boolean entry_requireEarlierHelpWithoutResult() default true;

    @AttributeDefinition(name = "Entry from safety concern", options = {
            @Option(value = "MODERATE", label = "Moderate"), @Option(value = "SERIOUS", label = "Serious"),
            @Option(value = "ACUTE", label = "Acute"), @Option(value = "OFF", label = "Off")},
            description = "Eligible only with a safety concern at least this severe.")
    String entry_minSafetyConcern() default "SERIOUS";

    @AttributeDefinition(name = "Core team",
            description = "The organisations of the core team, comma-separated, in the order shown; at least two,"
                    + " no duplicates.")
    String coreTeam() default "Veilig Thuis,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige";

    @AttributeDefinition(name = "Casusregie required",
            description = "A phase is only left when one member of the team holds casusregie.")
    boolean casusregie_required() default true;

    @AttributeDefinition(name = "Escalate after incidents", min = "0", max = "100",
            description = "From this many repeat incidents since entry the case goes back to incidents.returnTo;"
                    + " 0 = off.")
    int incidents_escalateAfter() default 1;

    @AttributeDefinition(name = "Return to", options = {
            @Option(value = "ACUTE_SAFETY", label = "Acute safety"),
            @Option(value = "STABILISATION", label = "Stabilisation (risk-driven care)")},
            description = "Where a repeat incident sends the case.")
    String incidents_returnTo() default "ACUTE_SAFETY";
}
