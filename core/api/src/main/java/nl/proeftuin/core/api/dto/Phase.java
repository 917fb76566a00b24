package nl.proeftuin.core.api.dto;

/** Phase of a case, from the shared vision <i>Gefaseerd samenwerken aan veiligheid</i>. */
public enum Phase {
    /** Acute safety: stop the violence now, safety agreements. */
    ACUTE_SAFETY,
    /** Stabilisation and risk-driven care: reduce risk factors. */
    STABILISATION,
    /** Recovery (<i>herstelgerichte zorg</i>): trauma, patterns across generations. */
    RECOVERY
}
