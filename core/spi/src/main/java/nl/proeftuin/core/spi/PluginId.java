package nl.proeftuin.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type naming the plugin a service belongs to: put {@code @PluginId("my-plugin")}
 * on the DS component; it becomes the service property {@value #PROPERTY}. Ids are lower-case
 * words joined by hyphens, unique in a region, stable across versions.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginId {
    /** Prefix so that the property is {@value #PROPERTY}. */
    String PREFIX_ = "proeftuin.";

    /** The service property name. */
    String PROPERTY = "proeftuin.plugin.id";

    /** @return the plugin id */
    String value();
}
