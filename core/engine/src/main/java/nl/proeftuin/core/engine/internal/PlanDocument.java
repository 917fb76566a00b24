package nl.proeftuin.core.engine.internal;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import nl.proeftuin.core.api.dto.Action;
import nl.proeftuin.core.api.dto.Condition;
import nl.proeftuin.core.api.dto.Goal;
import nl.proeftuin.core.api.dto.SafetyAgreement;

/**
 * A plan version's content as the JSON text the {@code plan_version} table keeps. Dates are ISO
 * strings; unknown properties are ignored on reading, so a later version of this bundle can add a
 * field without breaking the reading of old versions.
 *
 * @param goals      goals
 * @param actions    actions
 * @param agreements safety agreements
 * @param conditions conditions
 * @param familyView the family's own view, or null
 */
record PlanDocument(List<Goal> goals, List<Action> actions, List<SafetyAgreement> agreements,
        List<Condition> conditions, String familyView) {

    // ObjectMapper is thread-safe once configured; one for the bundle.
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plan content cannot be written as JSON", e);
        }
    }

    static PlanDocument fromJson(String json) {
        try {
            PlanDocument d = JSON.readValue(json, PlanDocument.class);
            return new PlanDocument(Check.list(d.goals()), Check.list(d.actions()), Check.list(d.agreements()),
                    Check.list(d.conditions()), d.familyView());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored plan content is not readable", e);
        }
    }
}
