package nl.proeftuin.core.api;

import java.util.List;

/**
 * One family, one case: a person named in a new signal is a member of an open case, and no reason for a
 * separate case was given (rule {@code open-case-exists}, HTTP 409). Names the open cases (their ids, not
 * their content), so the caller can link the signal to one of them instead. The detail names the first ten;
 * {@link #caseIds()} has them all.
 */
public class OpenCaseExistsException extends RuleViolationException {
    private static final long serialVersionUID = 1L;
    private final List<String> caseIds;

    /** @param caseIds the open cases of the persons named, oldest first */
    public OpenCaseExistsException(List<String> caseIds) {
        super("open-case-exists", "A person named in the signal is already in open case "
                + String.join(", ", caseIds.subList(0, Math.min(10, caseIds.size())))
                + (caseIds.size() > 10 ? " and " + (caseIds.size() - 10) + " more" : "")
                + ": link the new signal to it (POST /api/v1/cases/" + caseIds.get(0) + "/signals) or state why a"
                + " separate case is needed (separateCaseReason)");
        this.caseIds = List.copyOf(caseIds);
    }

    /** @return the open cases of the persons named, oldest first */
    public List<String> caseIds() {
        return caseIds;
    }
}
