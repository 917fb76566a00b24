package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Proeftuin national identifier protection",
        description = "The secret that protects stored citizen service numbers (BSN). Generated and saved on"
                + " first start when absent. Back it up with etc/: without it stored BSNs cannot be read and"
                + " a BSN recorded twice is no longer recognised.")
@interface NationalIdProtectionConfig {

    /** {@code _key} maps to the private property {@code .key}: never copied into service properties. */
    @AttributeDefinition(name = "Key", type = AttributeType.PASSWORD, required = false,
            description = "Base64 of 32 random bytes. Leave empty on a new installation: one is generated and"
                    + " stored in this configuration. Every node on one database needs the same key; never"
                    + " change it once BSNs are stored.")
    String _key() default "";
}
