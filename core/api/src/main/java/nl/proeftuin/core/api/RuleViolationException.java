package nl.proeftuin.core.api;

/** A valid request that a domain rule forbids in the case's current state (HTTP 409). */
public class RuleViolationException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String rule;

    /**
     * @param rule   a stable rule name, for example {@code independent-review-required}
     * @param detail what is wrong and what would make it right
     */
    public RuleViolationException(String rule, String detail) {
        super(detail);
        this.rule = rule;
    }

    /** @return the rule name */
    public String rule() {
        return rule;
    }
}
