package nl.proeftuin.core.security.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin break-glass access",
        description = "Time-limited access to a case a professional is not assigned to")
@interface JdbcBreakGlassConfig {

    @AttributeDefinition(description = "Minutes a break-glass grant lasts")
    int durationMinutes() default 60;
}
