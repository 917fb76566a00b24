package nl.proeftuin.core.engine.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.plugins.ConfigurationKey;
import nl.proeftuin.core.api.plugins.ConfigurationOption;
import nl.proeftuin.core.api.plugins.ConfigurationSchema;
import org.osgi.framework.Bundle;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * A plugin's declared binding configuration ({@link nl.proeftuin.core.spi.PluginConfiguration}): read
 * from the metatype resources in the plugin's bundle ({@code OSGI-INF/metatype/*.xml}, written by bnd
 * from its {@code @ObjectClassDefinition}), and the bind-time check of a configuration against it.
 * See docs/decisions/0015-typed-plugin-configuration.md for why the resources are read here rather
 * than through the MetaTypeService.
 */
final class PluginConfigurations {

    private static final String FOLDER = "OSGI-INF/metatype";
    private static final Set<String> TYPES = Set.of("String", "Integer", "Long", "Short", "Byte", "Double", "Float",
            "Boolean", "Character", "Char");
    private static final Set<String> NUMBERS = Set.of("Integer", "Long", "Short", "Byte", "Double", "Float");

    private PluginConfigurations() {
    }

    /**
     * @return the definition with that id in the bundle's metatype resources, or null when it has none
     * @throws IllegalArgumentException when a resource cannot be read
     */
    static ConfigurationSchema read(Bundle bundle, String id) {
        Enumeration<URL> entries = bundle.findEntries(FOLDER, "*.xml", false);
        while (entries != null && entries.hasMoreElements()) {
            URL url = entries.nextElement();
            try (InputStream in = url.openStream()) {
                ConfigurationSchema found = parse(in, id);
                if (found != null) {
                    return found;
                }
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + url + ": " + e.getMessage(), e);
            }
        }
        return null;
    }

    /** @return the definition with that id in one metatype resource, or null when it has none */
    static ConfigurationSchema parse(InputStream in, String id) throws IOException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder b = f.newDocumentBuilder();
            doc = b.parse(in);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("not a metatype resource: " + e.getMessage(), e);
        }
        for (Element ocd : children(doc.getDocumentElement(), "OCD")) {
            if (!id.equals(ocd.getAttribute("id"))) {
                continue;
            }
            List<ConfigurationKey> keys = new ArrayList<>();
            for (Element ad : children(ocd, "AD")) {
                List<ConfigurationOption> options = new ArrayList<>();
                for (Element o : children(ad, "Option")) {
                    options.add(new ConfigurationOption(o.getAttribute("value"), o.getAttribute("label")));
                }
                String type = ad.hasAttribute("type") ? ad.getAttribute("type") : "String";
                if ("Char".equals(type)) {
                    type = "Character";
                } else if (!TYPES.contains(type)) {
                    type = "String"; // Password and the like: read as text
                }
                keys.add(new ConfigurationKey(ad.getAttribute("id"), type,
                        ad.hasAttribute("default") ? unescape(ad.getAttribute("default")) : null,
                        ad.hasAttribute("name") ? ad.getAttribute("name") : ad.getAttribute("id"),
                        ad.hasAttribute("description") ? ad.getAttribute("description") : null,
                        ad.hasAttribute("min") ? ad.getAttribute("min") : null,
                        ad.hasAttribute("max") ? ad.getAttribute("max") : null, options));
            }
            return new ConfigurationSchema(id, ocd.hasAttribute("name") ? ocd.getAttribute("name") : id,
                    ocd.hasAttribute("description") ? ocd.getAttribute("description") : null, keys);
        }
        return null;
    }

    /** A metatype default is a list with a backslash before a comma in a value: these keys have one value. */
    private static String unescape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                c = value.charAt(++i);
            }
            out.append(c);
        }
        return out.toString();
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node n = nodes.item(i);
            if (n instanceof Element e && localName.equals(e.getLocalName() == null ? e.getTagName() : e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * Checks a binding configuration against the plugin's definition.
     *
     * @throws InvalidInputException naming {@code configuration.<key>}: an unknown key, a value not of the
     *                               key's type, or a value outside its options
     */
    static void check(String pluginId, ConfigurationSchema schema, Map<String, String> configuration) {
        Map<String, ConfigurationKey> byKey = schema.keys().stream()
                .collect(Collectors.toMap(ConfigurationKey::key, k -> k, (a, b) -> a));
        for (Map.Entry<String, String> e : configuration.entrySet()) {
            ConfigurationKey key = byKey.get(e.getKey());
            if (key == null) {
                throw new InvalidInputException("configuration." + e.getKey(), "is not a configuration key of plugin '"
                        + pluginId + "' (known keys: " + String.join(", ", byKey.keySet()) + ")");
            }
            String v = e.getValue().strip();
            String problem = typeProblem(key.type(), v);
            if (problem != null) {
                throw new InvalidInputException("configuration." + e.getKey(), problem + ", not '" + e.getValue() + "'");
            }
            problem = rangeProblem(key, v);
            if (problem != null) {
                throw new InvalidInputException("configuration." + e.getKey(), problem + ", not " + v);
            }
            if (!key.options().isEmpty() && key.options().stream().noneMatch(o -> o.value().equalsIgnoreCase(v))) {
                throw new InvalidInputException("configuration." + e.getKey(), "must be one of "
                        + key.options().stream().map(ConfigurationOption::value).collect(Collectors.joining(", "))
                        + ", not '" + e.getValue() + "'");
            }
        }
    }

    /** @return why a number of the right type is out of the declared range, or null when it is not */
    private static String rangeProblem(ConfigurationKey key, String v) {
        if (!NUMBERS.contains(key.type()) || (key.min() == null && key.max() == null)) {
            return null;
        }
        try {
            double d = Double.parseDouble(v);
            if ((key.min() != null && d < Double.parseDouble(key.min()))
                    || (key.max() != null && d > Double.parseDouble(key.max()))) {
                return "must be " + (key.min() == null ? "at most " + key.max()
                        : key.max() == null ? "at least " + key.min() : "from " + key.min() + " to " + key.max());
            }
            return null;
        } catch (NumberFormatException e) {
            return null; // a malformed bound in the definition: the type check stands
        }
    }

    /** @return why the value is not of the type, or null when it is */
    private static String typeProblem(String type, String v) {
        try {
            switch (type) {
                case "Integer" -> Integer.parseInt(v);
                case "Long" -> Long.parseLong(v);
                case "Short" -> Short.parseShort(v);
                case "Byte" -> Byte.parseByte(v);
                case "Double", "Float" -> {
                    double d = Double.parseDouble(v);
                    if (Double.isNaN(d) || Double.isInfinite(d)) {
                        return "must be a number";
                    }
                }
                case "Boolean" -> {
                    // Boolean.parseBoolean would read "ja" as false without a word: refuse instead
                    String b = v.toLowerCase(Locale.ROOT);
                    if (!b.equals("true") && !b.equals("false")) {
                        return "must be true or false";
                    }
                }
                case "Character", "Char" -> {
                    if (v.length() != 1) {
                        return "must be one character";
                    }
                }
                default -> {
                    // String: any text
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return switch (type) {
                case "Double", "Float" -> "must be a number";
                case "Integer" -> "must be a whole number";
                default -> "must be a whole number (" + type + ")";
            };
        }
    }
}
