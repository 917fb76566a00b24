package nl.proeftuin.core.spi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * Component property type declaring a plugin's binding configuration: put
 * {@code @PluginConfiguration("my-plugin")} on the DS component next to {@link PluginId}, and declare
 * the keys as a metatype {@code @ObjectClassDefinition(id = "my-plugin")} annotation interface in the
 * plugin bundle (typed attributes, defaults, descriptions, options; bnd writes it to
 * {@code OSGI-INF/metatype/}). It becomes the service property {@value #PROPERTY}.
 *
 * <p>The core then checks every binding configuration against that definition before it stores
 * the binding: an unknown key, a value of the wrong type or outside the declared options is a 400
 * naming {@code configuration.<key>}. Keys are the attribute ids (a method {@code complex_minProblemDomains}
 * is the key {@code complex.minProblemDomains}), so the plugin can read the configuration into the
 * same annotation type. A plugin without this property has its configuration checked only by
 * itself ({@link ConfigurationCheck}) and at call time. Checks across keys (one threshold not below
 * another) remain the plugin's, through {@link ConfigurationCheck}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface PluginConfiguration {
    /** Prefix so that the property is {@value #PROPERTY}. */
    String PREFIX_ = "proeftuin.";

    /** The service property name. */
    String PROPERTY = "proeftuin.plugin.configuration";

    /** @return the id of the plugin's {@code @ObjectClassDefinition} of its binding configuration */
    String value();
}
