package nl.proeftuin.core.audit.privacy.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin GDPR rights and retention",
        description = "Retention per record type and the outcome monitor's pseudonyms")
@interface GdprRightsConfig {

    @AttributeDefinition(name = "Retention", description = "Years to keep each record type, as type=years: "
            + "case (a closed youth-care file, counted from its last event; Jeugdwet art. 7.3.8: 20 years) and "
            + "person (a person in no case any more, counted from when recorded)")
    String[] retention() default {"case=20", "person=20"};
}
