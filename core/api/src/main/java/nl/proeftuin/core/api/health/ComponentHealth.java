package nl.proeftuin.core.api.health;

/**
 * State of one Declarative Services component of a core bundle.
 *
 * @param name   the component name
 * @param bundle the symbolic name of the bundle that declares it
 * @param state  {@code ACTIVE}, {@code SATISFIED}, {@code UNSATISFIED_REFERENCE},
 *               {@code UNSATISFIED_CONFIGURATION}, {@code FAILED_ACTIVATION} or {@code DISABLED}
 * @param detail what is missing or what failed, or empty
 */
public record ComponentHealth(String name, String bundle, String state, String detail) {

    /**
     * @return whether this component counts as ready (active, or satisfied and waiting for first use)
     */
    public boolean ready() {
        return "ACTIVE".equals(state) || "SATISFIED".equals(state);
    }
}
