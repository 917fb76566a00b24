package nl.proeftuin.plugins.triage.threeway.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.spi.BindingConfiguration;
import nl.proeftuin.core.spi.SafetyConcern;
import org.osgi.util.converter.Converter;
import org.osgi.util.converter.Converters;

/**
 * The criteria of the three-way triage, read from the binding's configuration with the OSGi Converter
 * into {@link ThreeWayConfig} (which declares the keys, defaults, ranges and options the core checks at
 * bind time), then checked here for what a call must not rely on unchecked. Every key is optional;
 * a missing key takes its default. A signal is <i>meervoudig complex</i> when any {@code multiComplex.*}
 * criterion holds, else <i>complex</i> when any {@code complex.*} criterion holds, else
 * <i>enkelvoudig</i>.
 *
 * <table>
 * <caption>Configuration keys</caption>
 * <tr><th>key</th><th>default</th><th>meaning</th></tr>
 * <tr><td>{@code complex.minProblemDomains}</td><td>3</td><td>complex when problems are recorded in at
 *     least this many life domains; 0 = criterion off</td></tr>
 * <tr><td>{@code complex.onSafetyConcern}</td><td>SERIOUS</td><td>complex when the safety concern is at
 *     least this severe: MODERATE, SERIOUS, ACUTE, or OFF</td></tr>
 * <tr><td>{@code complex.onParentalProblems}</td><td>ADDICTION,PSYCHIATRY</td><td>complex when a parent has
 *     any of these problems (comma-separated); empty = criterion off</td></tr>
 * <tr><td>{@code multiComplex.minProblemDomains}</td><td>5</td><td>meervoudig complex from this many life
 *     domains; 0 = off; not below {@code complex.minProblemDomains}</td></tr>
 * <tr><td>{@code multiComplex.onSafetyConcern}</td><td>OFF</td><td>meervoudig complex when the safety
 *     concern is at least this severe; not below {@code complex.onSafetyConcern}</td></tr>
 * <tr><td>{@code multiComplex.onRepeatedViolence}</td><td>true</td><td>meervoudig complex when violence
 *     happened before</td></tr>
 * <tr><td>{@code multiComplex.onEarlierHelpWithoutResult}</td><td>true</td><td>meervoudig complex when
 *     earlier help brought no breakthrough</td></tr>
 * <tr><td>{@code multiComplex.onParentalProblems}</td><td>(empty)</td><td>meervoudig complex when a parent
 *     has any of these problems; empty = off</td></tr>
 * </table>
 *
 * <p>A value that cannot be read, an unknown key (a typo would otherwise fall back to a default
 * without anyone noticing) or an inconsistent pair of thresholds is an {@link IllegalArgumentException}
 * that names the key: the core then falls back to manual triage and raises an alert for the coordinator.
 *
 * @param complexMinDomains          see {@code complex.minProblemDomains}; 0 = off
 * @param complexSafety              see {@code complex.onSafetyConcern}; null = off
 * @param complexParental            see {@code complex.onParentalProblems}
 * @param multiMinDomains            see {@code multiComplex.minProblemDomains}; 0 = off
 * @param multiSafety                see {@code multiComplex.onSafetyConcern}; null = off
 * @param multiRepeatedViolence      see {@code multiComplex.onRepeatedViolence}
 * @param multiEarlierHelp           see {@code multiComplex.onEarlierHelpWithoutResult}
 * @param multiParental              see {@code multiComplex.onParentalProblems}
 */
record ThreeWayCriteria(int complexMinDomains, SafetyConcern complexSafety, Set<String> complexParental,
        int multiMinDomains, SafetyConcern multiSafety, boolean multiRepeatedViolence, boolean multiEarlierHelp,
        Set<String> multiParental) {

    static final String COMPLEX_MIN_DOMAINS = "complex.minProblemDomains";
    static final String COMPLEX_SAFETY = "complex.onSafetyConcern";
    static final String COMPLEX_PARENTAL = "complex.onParentalProblems";
    static final String MULTI_MIN_DOMAINS = "multiComplex.minProblemDomains";
    static final String MULTI_SAFETY = "multiComplex.onSafetyConcern";
    static final String MULTI_REPEATED_VIOLENCE = "multiComplex.onRepeatedViolence";
    static final String MULTI_EARLIER_HELP = "multiComplex.onEarlierHelpWithoutResult";
    static final String MULTI_PARENTAL = "multiComplex.onParentalProblems";

    /** Reads the checked configuration into its declared type (defaults from {@link ThreeWayConfig}). */
    private static final Converter CONVERTER = Converters.standardConverter();

    private static final String OFF = "OFF";
    private static final Pattern PROBLEM_CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final int DOMAINS = LifeDomain.values().length;

    ThreeWayCriteria {
        // sorted: the rationale lists them in a fixed order, so the same request gives the same text
        complexParental = Collections.unmodifiableSortedSet(new TreeSet<>(complexParental));
        multiParental = Collections.unmodifiableSortedSet(new TreeSet<>(multiParental));
    }

    /**
     * @param configuration the binding's configuration (null or empty: all defaults)
     * @return the criteria
     * @throws IllegalArgumentException naming the key, when a key is unknown or a value is unusable
     */
    static ThreeWayCriteria from(Map<String, String> configuration) {
        ThreeWayConfig c = CONVERTER.convert(BindingConfiguration.checked(ThreeWayTriage.ID, configuration,
                ThreeWayConfig.class)).to(ThreeWayConfig.class);

        int complexMin = domains(COMPLEX_MIN_DOMAINS, c.complex_minProblemDomains());
        int multiMin = domains(MULTI_MIN_DOMAINS, c.multiComplex_minProblemDomains());
        if (complexMin > 0 && multiMin > 0 && multiMin < complexMin) {
            throw new IllegalArgumentException("triage-threeway: " + MULTI_MIN_DOMAINS + " (" + multiMin
                    + ") must not be lower than " + COMPLEX_MIN_DOMAINS + " (" + complexMin + ")");
        }
        SafetyConcern complexSafety = severity(COMPLEX_SAFETY, c.complex_onSafetyConcern());
        SafetyConcern multiSafety = severity(MULTI_SAFETY, c.multiComplex_onSafetyConcern());
        if (complexSafety != null && multiSafety != null && multiSafety.compareTo(complexSafety) < 0) {
            throw new IllegalArgumentException("triage-threeway: " + MULTI_SAFETY + " (" + multiSafety
                    + ") must not be milder than " + COMPLEX_SAFETY + " (" + complexSafety + ")");
        }
        return new ThreeWayCriteria(complexMin, complexSafety, problems(COMPLEX_PARENTAL, c.complex_onParentalProblems()),
                multiMin, multiSafety, c.multiComplex_onRepeatedViolence(), c.multiComplex_onEarlierHelpWithoutResult(),
                problems(MULTI_PARENTAL, c.multiComplex_onParentalProblems()));
    }

    /** The range the definition declares ({@code min}/{@code max} are not visible at run time). */
    private static int domains(String key, int n) {
        if (n < 0 || n > DOMAINS) {
            throw new IllegalArgumentException("triage-threeway: " + key + " must be from 0 (off) to " + DOMAINS
                    + " (the number of life domains), not " + n);
        }
        return n;
    }

    /** @return the threshold, or null when the criterion is off */
    private static SafetyConcern severity(String key, String raw) {
        String v = raw.toUpperCase(Locale.ROOT);
        if (OFF.equals(v)) {
            return null;
        }
        if (!SafetyConcern.NONE.name().equals(v)) {
            for (SafetyConcern s : SafetyConcern.values()) {
                if (s.name().equals(v)) {
                    return s;
                }
            }
        }
        throw new IllegalArgumentException("triage-threeway: " + key
                + " must be MODERATE, SERIOUS, ACUTE or OFF, not '" + raw + "'");
    }

    private static Set<String> problems(String key, String value) {
        Set<String> codes = new LinkedHashSet<>();
        List<String> bad = new ArrayList<>();
        for (String part : value.split(",")) {
            String code = part.trim().toUpperCase(Locale.ROOT);
            if (code.isEmpty()) {
                continue;
            }
            if (PROBLEM_CODE.matcher(code).matches()) {
                codes.add(code);
            } else {
                bad.add(part.trim());
            }
        }
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("triage-threeway: " + key + " must be a comma-separated list of"
                    + " problem codes such as ADDICTION,PSYCHIATRY; cannot read " + bad);
        }
        return codes;
    }
}
