package nl.proeftuin.core.spi;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The call-time check of a binding configuration against the plugin's declared type (its
 * {@code @ObjectClassDefinition} annotation interface, see {@link PluginConfiguration}), before the
 * plugin reads it with the OSGi Converter:
 *
 * <pre>{@code
 * MyConfig c = Converters.standardConverter()
 *         .convert(BindingConfiguration.checked(ID, request.configuration(), MyConfig.class))
 *         .to(MyConfig.class);
 * }</pre>
 *
 * The core checks the same at bind time; this check covers bindings stored before a plugin declared
 * its configuration, and what the Converter would read silently: an unknown (misspelt) key, which it
 * ignores, and a boolean other than {@code true}/{@code false} (it reads {@code "ja"} as false). Keys
 * are the metatype attribute ids of the methods ({@code complex_minProblemDomains} is
 * {@code complex.minProblemDomains}). Ranges and options are not visible at run time (the metatype
 * annotations are not retained): a plugin checks those it relies on after converting.
 */
public final class BindingConfiguration {

    private BindingConfiguration() {
    }

    /**
     * @param pluginId      the plugin id, for the messages
     * @param configuration the binding's configuration (null: empty)
     * @param type          the plugin's configuration annotation (or interface)
     * @return the given keys with their values stripped of surrounding white space, for the Converter
     *         (a key not given takes the method's default)
     * @throws IllegalArgumentException naming the key: an unknown key, or a value that does not read as
     *                                  its method's type
     */
    public static Map<String, String> checked(String pluginId, Map<String, String> configuration, Class<?> type) {
        Map<String, String> given = configuration == null ? Map.of() : configuration;
        Map<String, Class<?>> declared = declared(type);
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(declared.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(pluginId + ": unknown configuration key(s) " + unknown
                    + "; known keys are " + new TreeSet<>(declared.keySet()));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(given).entrySet()) {
            String v = e.getValue() == null ? "" : e.getValue().strip();
            String problem = typeProblem(declared.get(e.getKey()), v);
            if (problem != null) {
                throw new IllegalArgumentException(pluginId + ": " + e.getKey() + " " + problem + ", not '"
                        + e.getValue() + "'");
            }
            out.put(e.getKey(), v);
        }
        return Collections.unmodifiableMap(out);
    }

    /** @return the keys the type declares, sorted */
    public static Set<String> keys(Class<?> type) {
        return Collections.unmodifiableSet(new TreeSet<>(declared(type).keySet()));
    }

    private static Map<String, Class<?>> declared(Class<?> type) {
        Map<String, Class<?>> keys = new LinkedHashMap<>();
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0 && !m.isSynthetic()) {
                keys.put(key(m.getName()), m.getReturnType());
            }
        }
        return keys;
    }

    /**
     * The attribute id of a method, by the metatype and Declarative Services rules: {@code $_$} is
     * {@code -}, {@code $$} is {@code $}, another {@code $} is dropped, {@code __} is {@code _} and
     * {@code _} is {@code .}.
     *
     * @param method the method name
     * @return the key
     */
    public static String key(String method) {
        StringBuilder sb = new StringBuilder(method.length());
        for (int i = 0; i < method.length(); i++) {
            char c = method.charAt(i);
            if (c == '$') {
                if (method.startsWith("$_$", i)) {
                    sb.append('-');
                    i += 2;
                } else if (method.startsWith("$$", i)) {
                    sb.append('$');
                    i++;
                }
            } else if (c == '_') {
                if (method.startsWith("__", i)) {
                    sb.append('_');
                    i++;
                } else {
                    sb.append('.');
                }
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** @return why the value does not read as the type, or null when it does */
    private static String typeProblem(Class<?> type, String v) {
        try {
            if (type == int.class || type == Integer.class) {
                Integer.parseInt(v);
            } else if (type == long.class || type == Long.class) {
                Long.parseLong(v);
            } else if (type == short.class || type == Short.class) {
                Short.parseShort(v);
            } else if (type == byte.class || type == Byte.class) {
                Byte.parseByte(v);
            } else if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
                double d = Double.parseDouble(v);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return "must be a number";
                }
            } else if (type == boolean.class || type == Boolean.class) {
                // the Converter, like Boolean.parseBoolean, would read "ja" as false without a word
                String b = v.toLowerCase(Locale.ROOT);
                if (!b.equals("true") && !b.equals("false")) {
                    return "must be true or false";
                }
            }
            return null;
        } catch (NumberFormatException e) {
            return type == double.class || type == Double.class || type == float.class || type == Float.class
                    ? "must be a number" : "must be a whole number";
        }
    }
}
