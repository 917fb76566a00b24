package nl.proeftuin.core.api.monitor;

import java.util.List;

/**
 * A group's description and members (names or CBS codes of the register).
 */
public record MunicipalityGroupInput(String description, List<String> municipalities) {
}
