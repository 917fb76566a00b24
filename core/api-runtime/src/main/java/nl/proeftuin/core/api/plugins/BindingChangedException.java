package nl.proeftuin.core.api.plugins;

import nl.proeftuin.core.api.RuleViolationException;

/**
 * A binding change made against a revision that is no longer the current one: someone else changed
 * the binding meanwhile (rule {@code binding-changed}, HTTP 409 with the current revision).
 *
 * @since 1.2
 */
public class BindingChangedException extends RuleViolationException {
    private static final long serialVersionUID = 1L;
    /** The rule's name. */
    public static final String RULE = "binding-changed";
    private final long current;

    /**
     * @param expected the revision the change was made against
     * @param current  the binding's revision now (0: no binding of that scope)
     * @param scope    what binding, in words
     */
    public BindingChangedException(long expected, long current, String scope) {
        super(RULE, "the binding of " + scope + " was changed meanwhile: expected revision " + expected
                + ", now " + current + (current == 0 ? " (no binding)" : "") + "; reload it and decide again");
        this.current = current;
    }

    /** @return the binding's current revision (0: none) */
    public long current() {
        return current;
    }
}
