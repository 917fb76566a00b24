package nl.proeftuin.core.api.care;

/**
 * The municipality's decision on a <i>maatwerk</i> request.
 *
 * @param state  {@code GRANTED} or {@code REFUSED}
 * @param detail the explanation (required)
 */
public record MaatwerkDecision(String state, String detail) {
}
