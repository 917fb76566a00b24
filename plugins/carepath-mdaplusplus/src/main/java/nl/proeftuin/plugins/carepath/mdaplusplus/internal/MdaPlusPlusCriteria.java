package nl.proeftuin.plugins.carepath.mdaplusplus.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.spi.SafetyConcern;

/**
 * The MDA++ path as a region sets it, read from the binding's configuration. Every key is optional;
 * a missing key takes its default. A case is eligible when every entry criterion that is on holds.
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code entry.requireRepeatedViolence}</td><td>true</td><td>eligible only when violence happened
 *     before (severe, recurring violence)</td></tr>
 * <tr><td>{@code entry.minProblemDomains}</td><td>2</td><td>eligible only with problems in at least this
 *     many life domains; 0 = criterion off</td></tr>
 * <tr><td>{@code entry.requireEarlierHelpWithoutResult}</td><td>true</td><td>eligible only when earlier
 *     help brought no breakthrough</td></tr>
 * <tr><td>{@code entry.minSafetyConcern}</td><td>SERIOUS</td><td>eligible only with a safety concern at
 *     least this severe: MODERATE, SERIOUS, ACUTE, or OFF</td></tr>
 * <tr><td>{@code coreTeam}</td><td>Veilig Thuis,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige</td>
 *     <td>the organisations of the core team, comma-separated, in the order shown; at least two, no
 *     duplicates</td></tr>
 * <tr><td>{@code casusregie.required}</td><td>true</td><td>a phase is only left when one member of the
 *     team holds <i>casusregie</i> (across all life domains)</td></tr>
 * <tr><td>{@code incidents.escalateAfter}</td><td>1</td><td>from this many repeat incidents since entry
 *     the case goes back to {@code incidents.returnTo} (from a later phase) or stays where it is (no
 *     advice to move on); 0 = off</td></tr>
 * <tr><td>{@code incidents.returnTo}</td><td>ACUTE_SAFETY</td><td>where a repeat incident sends the case:
 *     ACUTE_SAFETY or STABILISATION (risk-driven care)</td></tr>
 * </table>
 *
 * <p>A value that cannot be read, or an unknown key (a typo would otherwise fall back to a default
 * without anyone noticing), is an {@link IllegalArgumentException} that names the key: the core then
 * applies its fallback (regular case work) and raises an alert for the coordinator.
 *
 * @param requireRepeatedViolence see {@code entry.requireRepeatedViolence}
 * @param minProblemDomains       see {@code entry.minProblemDomains}; 0 = off
 * @param requireEarlierHelp      see {@code entry.requireEarlierHelpWithoutResult}
 * @param minSafetyConcern        see {@code entry.minSafetyConcern}; null = off
 * @param coreTeam                see {@code coreTeam}, in the configured order
 * @param casusregieRequired      see {@code casusregie.required}
 * @param escalateAfter           see {@code incidents.escalateAfter}; 0 = off
 * @param returnTo                see {@code incidents.returnTo}
 */
record MdaPlusPlusCriteria(boolean requireRepeatedViolence, int minProblemDomains, boolean requireEarlierHelp,
        SafetyConcern minSafetyConcern, List<String> coreTeam, boolean casusregieRequired, int escalateAfter,
        Phase returnTo) {

    static final String REQUIRE_REPEATED_VIOLENCE = "entry.requireRepeatedViolence";
    static final String MIN_PROBLEM_DOMAINS = "entry.minProblemDomains";
    static final String REQUIRE_EARLIER_HELP = "entry.requireEarlierHelpWithoutResult";
    static final String MIN_SAFETY_CONCERN = "entry.minSafetyConcern";
    static final String CORE_TEAM = "coreTeam";
    static final String CASUSREGIE_REQUIRED = "casusregie.required";
    static final String ESCALATE_AFTER = "incidents.escalateAfter";
    static final String RETURN_TO = "incidents.returnTo";

    /** Every key with its default, in documentation order. */
    static final Map<String, String> DEFAULTS;

    static {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(REQUIRE_REPEATED_VIOLENCE, "true");
        d.put(MIN_PROBLEM_DOMAINS, "2");
        d.put(REQUIRE_EARLIER_HELP, "true");
        d.put(MIN_SAFETY_CONCERN, "SERIOUS");
        d.put(CORE_TEAM, "Veilig Thuis,vrouwenopvang,verslavingszorg,ggz,jeugdzorg,ervaringsdeskundige");
        d.put(CASUSREGIE_REQUIRED, "true");
        d.put(ESCALATE_AFTER, "1");
        d.put(RETURN_TO, Phase.ACUTE_SAFETY.name());
        DEFAULTS = Collections.unmodifiableMap(d);
    }

    /** More repeat incidents than this as a threshold is a typo, not a policy. */
    static final int MAX_ESCALATE_AFTER = 100;

    private static final String OFF = "OFF";
    private static final int DOMAINS = LifeDomain.values().length;

    MdaPlusPlusCriteria {
        coreTeam = List.copyOf(coreTeam);
    }

    /**
     * @param configuration the binding's configuration (null or empty: all defaults)
     * @return the criteria
     * @throws IllegalArgumentException naming the key, when a key is unknown or a value is unusable
     */
    static MdaPlusPlusCriteria from(Map<String, String> configuration) {
        Map<String, String> given = configuration == null ? Map.of() : configuration;
        Set<String> unknown = new TreeSet<>(given.keySet());
        unknown.removeAll(DEFAULTS.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": unknown configuration key(s) " + unknown
                    + "; known keys are " + DEFAULTS.keySet());
        }
        Map<String, String> c = new LinkedHashMap<>(DEFAULTS);
        given.forEach((k, v) -> c.put(k, v == null ? "" : v.trim()));

        return new MdaPlusPlusCriteria(bool(c, REQUIRE_REPEATED_VIOLENCE), number(c, MIN_PROBLEM_DOMAINS, DOMAINS,
                "the number of life domains"), bool(c, REQUIRE_EARLIER_HELP), severity(c, MIN_SAFETY_CONCERN),
                team(c, CORE_TEAM), bool(c, CASUSREGIE_REQUIRED),
                number(c, ESCALATE_AFTER, MAX_ESCALATE_AFTER, "a sensible number of incidents"), returnTo(c, RETURN_TO));
    }

    private static int number(Map<String, String> c, String key, int max, String what) {
        String v = c.get(key);
        int n;
        try {
            n = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key + " must be a whole number from 0 (off) to "
                    + max + ", not '" + v + "'", e);
        }
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key + " must be from 0 (off) to " + max
                    + " (" + what + "), not " + n);
        }
        return n;
    }

    /** @return the threshold, or null when the criterion is off */
    private static SafetyConcern severity(Map<String, String> c, String key) {
        String v = c.get(key).toUpperCase(Locale.ROOT);
        if (OFF.equals(v)) {
            return null;
        }
        // NONE as a threshold would hold for every case: say OFF instead
        if (!SafetyConcern.NONE.name().equals(v)) {
            for (SafetyConcern s : SafetyConcern.values()) {
                if (s.name().equals(v)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key
                + " must be MODERATE, SERIOUS, ACUTE or OFF, not '" + c.get(key) + "'");
    }

    private static boolean bool(Map<String, String> c, String key) {
        String v = c.get(key);
        // Boolean.parseBoolean would read "ja" or "yes" as false without a word: refuse instead.
        if ("true".equalsIgnoreCase(v)) {
            return true;
        }
        if ("false".equalsIgnoreCase(v)) {
            return false;
        }
        throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key + " must be true or false, not '" + v + "'");
    }

    private static List<String> team(Map<String, String> c, String key) {
        List<String> team = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String part : c.get(key).split(",")) {
            String name = part.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key + " names '" + name
                        + "' twice");
            }
            team.add(name);
        }
        if (team.size() < 2) {
            throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key + " must name at least two"
                    + " organisations, comma-separated (MDA++ is a multidisciplinary core team), not '"
                    + c.get(key) + "'");
        }
        return team;
    }

    private static Phase returnTo(Map<String, String> c, String key) {
        String v = c.get(key).toUpperCase(Locale.ROOT);
        if (Phase.ACUTE_SAFETY.name().equals(v)) {
            return Phase.ACUTE_SAFETY;
        }
        if (Phase.STABILISATION.name().equals(v)) {
            return Phase.STABILISATION;
        }
        throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key
                + " must be ACUTE_SAFETY or STABILISATION (risk-driven care), not '" + c.get(key) + "'");
    }
}
