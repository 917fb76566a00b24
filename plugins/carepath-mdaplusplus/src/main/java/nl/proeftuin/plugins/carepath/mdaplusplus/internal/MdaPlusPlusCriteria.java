package nl.proeftuin.plugins.carepath.mdaplusplus.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.Phase;
import nl.proeftuin.core.spi.BindingConfiguration;
import nl.proeftuin.core.spi.SafetyConcern;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

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

    /** More repeat incidents than this as a threshold is a typo, not a policy. */
    static final int MAX_ESCALATE_AFTER = 100;

    /** Reads the checked configuration into its declared type (defaults from {@link MdaPlusPlusConfig}). */
    private static final Converter CONVERTER = Converters.standardConverter();

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
        MdaPlusPlusConfig c = CONVERTER.convert(BindingConfiguration.checked(MdaPlusPlusPath.ID, configuration,
                MdaPlusPlusConfig.class)).to(MdaPlusPlusConfig.class);

        return new MdaPlusPlusCriteria(c.entry_requireRepeatedViolence(),
                number(MIN_PROBLEM_DOMAINS, c.entry_minProblemDomains(), DOMAINS, "the number of life domains"),
                c.entry_requireEarlierHelpWithoutResult(), severity(MIN_SAFETY_CONCERN, c.entry_minSafetyConcern()),
                team(CORE_TEAM, c.coreTeam()), c.casusregie_required(),
                number(ESCALATE_AFTER, c.incidents_escalateAfter(), MAX_ESCALATE_AFTER, "a sensible number of incidents"),
                returnTo(RETURN_TO, c.incidents_returnTo()));
    }

    /** The range the definition declares ({@code min}/{@code max} are not visible at run time). */
    private static int number(String key, int n, int max, String what) {
        if (n < 0 || n > max) {
            throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key + " must be from 0 (off) to " + max
                    + " (" + what + "), not " + n);
        }
        return n;
    }

    /** @return the threshold, or null when the criterion is off */
    private static SafetyConcern severity(String key, String raw) {
        String v = raw.toUpperCase(Locale.ROOT);
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
                + " must be MODERATE, SERIOUS, ACUTE or OFF, not '" + raw + "'");
    }

    private static List<String> team(String key, String value) {
        List<String> team = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (String part : value.split(",")) {
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
                    + value + "'");
        }
        return team;
    }

    private static Phase returnTo(String key, String raw) {
        String v = raw.toUpperCase(Locale.ROOT);
        if (Phase.ACUTE_SAFETY.name().equals(v)) {
            return Phase.ACUTE_SAFETY;
        }
        if (Phase.STABILISATION.name().equals(v)) {
            return Phase.STABILISATION;
        }
        throw new IllegalArgumentException(MdaPlusPlusPath.ID + ": " + key
                + " must be ACUTE_SAFETY or STABILISATION (risk-driven care), not '" + raw + "'");
    }
}
