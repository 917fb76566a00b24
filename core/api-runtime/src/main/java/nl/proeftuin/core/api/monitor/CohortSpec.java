package nl.proeftuin.core.api.monitor;

import java.time.LocalDate;
import java.util.List;

/**
 * One cohort of a comparison: the cases whose signal was received in the period, in the
 * municipalities (named, or a named group's), triaged under the variant. Every null field is "any".
 *
 * @param label             the cohort's name in the answer (required)
 * @param from              first day of the period (signal received), or null
 * @param to                last day of the period, or null
 * @param municipalities    municipality names of the register, or null
 * @param group             a named municipality group, or null (with {@code municipalities}: the union)
 * @param pluginId          the triage plugin of the case's first triage, or null
 * @param configurationHash its configuration hash, or null
 * @param bindingRevision   the binding revision it was triaged under (a binding period), or null
 * @param opening           the variant in force at the case's opening (cohorts, V26):
 *                          {@code POINT:plugin} or {@code POINT:plugin:configurationHash} (POINT an
 *                          extension point, e.g. TRIAGE), {@code POINT:none} for nothing bound; or null
 * @param decided           a variant a later decision of the case was taken under (cohorts, decision 0042):
 *                          {@code POINT:plugin[:configurationHash]} or {@code POINT:none}, POINT the
 *                          decision's extension point (TRIAGE, CARE_PATH, PROCUREMENT: care and maatwerk
 *                          requests, maatwerk decisions and allocations; LOCAL_TEAM: deliveries to the local
 *                          team); or null
 */
public record CohortSpec(String label, LocalDate from, LocalDate to, List<String> municipalities, String group,
        String pluginId, String configurationHash, Long bindingRevision, String opening, String decided) {

    /** A cohort without the variant of a later decision. */
    public CohortSpec(String label, LocalDate from, LocalDate to, List<String> municipalities, String group,
            String pluginId, String configurationHash, Long bindingRevision, String opening) {
        this(label, from, to, municipalities, group, pluginId, configurationHash, bindingRevision, opening, null);
    }

    /** A cohort without the variant at opening. */
    public CohortSpec(String label, LocalDate from, LocalDate to, List<String> municipalities, String group,
            String pluginId, String configurationHash, Long bindingRevision) {
        this(label, from, to, municipalities, group, pluginId, configurationHash, bindingRevision, null, null);
    }
}
