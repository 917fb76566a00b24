package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One municipality a region feature seeds into the register, as a factory configuration of
 * {@link DefaultMunicipality} (factory PID {@code nl.proeftuin.core.engine.internal.DefaultMunicipality}),
 * for example {@code <config name="nl.proeftuin.core.engine.internal.DefaultMunicipality~centraal_gelderland_arnhem">}
 * (no {@code -} after the {@code ~}: Felix FileInstall splits the etc/ file name at the first one).
 */
@ObjectClassDefinition(
        name = "Proeftuin default municipality",
        description = "Adds a municipality to the region's register when neither its CBS code nor its name is"
                + " registered yet. A municipality a regional administrator added or changed is never overwritten.")
@interface DefaultMunicipalityConfig {

    @AttributeDefinition(name = "CBS code", description = "GM and four digits, for example GM0202")
    String code();

    @AttributeDefinition(name = "Name", description = "The official name, for example Arnhem")
    String name();

    @AttributeDefinition(name = "Inhabitants", description = "The number of inhabitants; -1 when not known")
    int inhabitants() default -1;
}
