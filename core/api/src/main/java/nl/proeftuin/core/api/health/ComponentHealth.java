package nl.proeftuin.core.api.health;

/**
 * State of one Declarative Services component of a core bundle.
 *
 * @param name   the component name
 * @param bundle the symbolic name of the bundle that declares it
 * @param state  {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE},
 *               {@code UNSATISFIED_CONFIGURATION}, {@code FAILED_ACTIVATION}, {@code DISABLED}, or
 *               {@code NOT_CONFIGURED} for a component that runs only when configured and has no
 *               configuration (for example a factory component with no instance yet)
 * @param detail what is missing or what failed, or empty
 */
public record ComponentHealth(String name, String bundle, String state, String detail) {

    /**
     * @return whether this component counts as ready: active, satisfied and waiting for first use, or
     *         not configured (what it would provide is checked where it is needed)
     */
    public boolean ready() {
        return "ACTIVE".equals(state) || "SATISFIED".equals(state) || "NOT_CONFIGURED".equals(state);
    }
}
