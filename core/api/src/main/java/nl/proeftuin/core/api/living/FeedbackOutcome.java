package nl.proeftuin.core.api.living;

/** What the reporter is told happens next: that there is follow-up, not what (no case content). */
public enum FeedbackOutcome {
    /** The signal is taken up: there is follow-up. */
    FOLLOW_UP_STARTED,
    /** Another organisation takes up the follow-up. */
    REFERRED_ELSEWHERE,
    /** No follow-up from the platform's organisations. */
    NO_FOLLOW_UP
}
