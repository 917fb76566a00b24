package nl.proeftuin.core.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.dto.CaseView;
import nl.proeftuin.core.api.dto.ConsentInput;
import nl.proeftuin.core.api.dto.CourtRequest;
import nl.proeftuin.core.api.dto.CourtRequestInput;
import nl.proeftuin.core.api.dto.Entry;
import nl.proeftuin.core.api.dto.EntryInput;
import nl.proeftuin.core.api.dto.EntryKind;
import nl.proeftuin.core.api.dto.Evaluation;
import nl.proeftuin.core.api.dto.EvaluationInput;
import nl.proeftuin.core.api.dto.MeasureType;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.Review;
import nl.proeftuin.core.api.dto.ReviewInput;
import org.junit.jupiter.api.Test;

class RecordsTest extends EngineTestBase {

    static ReviewInput review(String reviewerId, boolean supports) {
        return new ReviewInput(reviewerId, "Rita Toets", "RVT Oost", "Het plan is zorgvuldig", supports);
    }

    static final CourtRequestInput OTS = new CourtRequestInput(MeasureType.OTS, "Afspraken werken niet");

    @Test
    void anEntryRecordsTheAuthorsRoleInTheCaseOrNoneWhenNotAssigned() {
        CaseView k = caseWithTeam();
        String sanne = k.members().get(0).person().id();
        Actor fp = new Actor("fp-" + k.id(), "Pro fp");
        Entry e = cases.addEntry(fp, k.id(), new EntryInput(EntryKind.FACT, "Blauwe plek gezien", "eigen waarneming",
                List.of(sanne)));
        assertEquals(ProfessionalRole.FIXED_PROFESSIONAL, e.authorRole());
        assertEquals("Pro fp", e.authorName());
        Entry outsider = cases.addEntry(ANS, k.id(), new EntryInput(EntryKind.OPINION, "Zorgelijk", "school", null));
        assertNull(outsider.authorRole());
        assertEquals(List.of(e, outsider), cases.entries(k.id()));
    }

    @Test
    void anEntryIsOnlyAboutMembersAndNeedsKindTextAndSource() {
        CaseView k = caseWithTeam();
        String stranger = person("Vreemd").id();
        assertInvalid("aboutPersonIds[0]", () -> cases.addEntry(ANS, k.id(),
                new EntryInput(EntryKind.FACT, "x", "y", List.of(stranger))));
        assertInvalid("kind", () -> cases.addEntry(ANS, k.id(), new EntryInput(null, "x", "y", null)));
        assertInvalid("text", () -> cases.addEntry(ANS, k.id(), new EntryInput(EntryKind.FACT, "x".repeat(10_001), "y", null)));
        assertTrue(cases.entries(k.id()).isEmpty());
    }

    @Test
    void aReviewNeedsAPlan() {
        CaseView k = caseWithTeam();
        assertRule("plan-required", () -> cases.addReview(new Actor("rita", "Reviewer"), k.id(), review("rita", true)));
    }

    @Test
    void aReviewerWhoWasEverAssignedIsNotIndependent() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        assertRule("reviewer-not-independent", () -> cases.addReview(new Actor("rvt-" + k.id(), "Reviewer"), k.id(), review("rvt-" + k.id(), true)));
        Review r = cases.addReview(new Actor("rita", "Reviewer"), k.id(), review("rita", true));
        assertEquals(1, r.planVersion());
        assertEquals(List.of(r), cases.reviews(k.id()));
        assertEquals("REVIEW_RECORDED", cases.history(k.id()).get(cases.history(k.id()).size() - 1).type());
    }

    /** Issue 14 part 8: the reviewer records the review with their own login. */
    @Test
    void aReviewIsSignedByTheLoggedInReviewerNeverTypedInForSomeoneElse() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        assertInvalid("reviewerId", () -> cases.addReview(ANS, k.id(), review("rita", true)));
        assertRule("reviewer-not-independent", () -> cases.addReview(new Actor("fp-" + k.id(), "Fixed"), k.id(),
                review(null, true)));
        Review r = cases.addReview(new Actor("rita", "Rita Reviewer"), k.id(), review(null, true));
        assertEquals("rita", r.reviewerId());
        assertEquals("rita", r.recordedBy());
        assertEquals(r.id(), cases.requestCourt(ANS, k.id(), OTS).reviewId());
    }

    @Test
    void aCourtRequestNeedsAnIndependentSupportingReviewOfTheLatestPlan() {
        CaseView k = caseWithTeam();
        assertRule("independent-review-required", () -> cases.requestCourt(ANS, k.id(), OTS));
        firstPlan(k);
        assertRule("independent-review-required", () -> cases.requestCourt(ANS, k.id(), OTS));
        cases.addReview(new Actor("rita", "Reviewer"), k.id(), review("rita", false));
        assertRule("independent-review-required", () -> cases.requestCourt(ANS, k.id(), OTS));
        clock.advance(Duration.ofMinutes(5));
        Review supporting = cases.addReview(new Actor("rob", "Reviewer"), k.id(), review("rob", true));
        CourtRequest cr = cases.requestCourt(ANS, k.id(), OTS);
        assertEquals(supporting.id(), cr.reviewId());
        assertEquals(1, cr.planVersion());
        assertEquals(List.of(cr), cases.courtRequests(k.id()));
    }

    @Test
    void aReviewOfAnOlderPlanVersionDoesNotCount() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        cases.addReview(new Actor("rita", "Reviewer"), k.id(), review("rita", true));
        clock.advance(Duration.ofDays(1));
        plans.newVersion(ANS, k.id(), 1, plan(null));
        assertRule("independent-review-required", () -> cases.requestCourt(ANS, k.id(), OTS));
    }

    @Test
    void aReviewerWhoJoinedTheTeamAfterwardsNoLongerCountsAsIndependent() {
        CaseView k = caseWithTeam();
        firstPlan(k);
        cases.addReview(new Actor("rita", "Reviewer"), k.id(), review("rita", true));
        cases.assign(ANS, k.id(), null, pro("rita", ProfessionalRole.BEHAVIOURAL_SCIENTIST, false));
        assertRule("independent-review-required", () -> cases.requestCourt(ANS, k.id(), OTS));
    }

    @Test
    void aConsentIsForAMemberAndRecordsWhatTheyWereTold() {
        CaseView k = caseWithTeam();
        String sanne = k.members().get(0).person().id();
        var consent = cases.addConsent(ANS, k.id(), new ConsentInput(sanne, "Informatie delen met school",
                "Zodat school kan helpen", "Betere begeleiding", "School weet niets", false));
        assertEquals(List.of(consent), cases.consents(k.id()));
        assertInvalid("personId", () -> cases.addConsent(ANS, k.id(), new ConsentInput(person("X").id(), "a", "b",
                "c", "d", true)));
        assertInvalid("consequenceOfRefusal", () -> cases.addConsent(ANS, k.id(), new ConsentInput(sanne, "a", "b",
                "c", null, true)));
    }

    @Test
    void anEvaluationNeedsAPlanAndADateNotInTheFuture() {
        CaseView k = caseWithTeam();
        assertRule("plan-required", () -> cases.addEvaluation(ANS, k.id(), new EvaluationInput(TODAY, "ok", null)));
        firstPlan(k);
        assertInvalid("date", () -> cases.addEvaluation(ANS, k.id(), new EvaluationInput(TODAY.plusDays(1), "ok", null)));
        Evaluation e = cases.addEvaluation(ANS, k.id(), new EvaluationInput(TODAY, "Het gaat beter", "Fijn"));
        assertEquals(1, e.planVersion());
        assertEquals(List.of(e), cases.evaluations(k.id()));
    }
}
