package nl.proeftuin.core.api.monitor;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The pilot evaluation (issue 15): cohorts compared in the database, named municipality groups,
 * outcomes and family experience. Nothing per professional.
 */
@ProviderType
public interface CohortService {

    /** The smallest number of values a figure may rest on without a warning. */
    int MINIMUM = 20;

    /**
     * @param cohorts two or more (at most {@value #MAX_COHORTS})
     * @throws nl.proeftuin.core.api.InvalidInputException naming the cohort and field on bad input
     */
    CohortComparison compare(List<CohortSpec> cohorts);

    int MAX_COHORTS = 6;

    /** The case-level rows behind a comparison, pseudonymised by the caller: at most {@value #MAX_ROWS} per cohort. */
    List<CohortRow> rows(List<CohortSpec> cohorts);

    int MAX_ROWS = 250_000;

    List<MunicipalityGroup> groups();

    /** Creates or replaces a group. */
    MunicipalityGroup putGroup(String actorId, String name, MunicipalityGroupInput input);

    /** @throws nl.proeftuin.core.api.NotFoundException when there is no such group */
    void deleteGroup(String name);

    CaseOutcome outcome(String caseId);

    CaseOutcome recordExperience(String actorId, String caseId, ExperienceInput input);
}
