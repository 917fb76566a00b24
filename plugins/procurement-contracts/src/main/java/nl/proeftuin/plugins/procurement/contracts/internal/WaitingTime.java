package nl.proeftuin.plugins.procurement.contracts.internal;

import nl.proeftuin.core.spi.Urgency;

/**
 * The waiting time for THIS child under one contract: a pure function of the contract and the
 * child's need.
 *
 * <p>National policy: children under a protection measure get priority for youth care, unless
 * another child's need is more urgent. The rule here ranks every need, most urgent first:
 * <ol>
 * <li>{@code CRISIS} urgency: the contract's {@code crisisDays}, priority {@code crisis};</li>
 * <li>{@code HIGH} urgency: {@code urgentDays}, priority {@code urgent need};</li>
 * <li>a protection measure (urgency {@code REGULAR} or none): {@code priorityWaitingDays},
 *     priority {@code protection measure};</li>
 * <li>everything else: {@code waitingDays}, no priority.</li>
 * </ol>
 * A child with a protection measure AND a crisis or high urgency takes the more urgent rank (the
 * measure never makes the wait longer). Because the register refuses a contract whose times do not
 * rise with the rank ({@code crisisDays <= urgentDays <= priorityWaitingDays <= waitingDays}), a
 * child under a protection measure never waits less than a child with a more urgent need, and always
 * less than or as long as a child on the regular list: a more urgent need of another child goes first.
 */
final class WaitingTime {

    static final String CRISIS = "crisis";
    static final String URGENT = "urgent need";
    static final String PROTECTION_MEASURE = "protection measure";

    /**
     * @param days     the waiting days for this child
     * @param priority why this child waits less than the regular time, or null
     */
    record ForChild(int days, String priority) {
    }

    private WaitingTime() {
    }

    /**
     * @param contract          the contract
     * @param urgency           the child's urgency (null = {@code REGULAR})
     * @param protectionMeasure whether the child is under a protection measure
     * @return the waiting time for the child
     */
    static ForChild of(ContractRegister.Contract contract, Urgency urgency, boolean protectionMeasure) {
        Urgency u = urgency == null ? Urgency.REGULAR : urgency;
        switch (u) {
            case CRISIS:
                return new ForChild(contract.crisisDays(), CRISIS);
            case HIGH:
                return new ForChild(contract.urgentDays(), URGENT);
            default:
                return protectionMeasure ? new ForChild(contract.priorityWaitingDays(), PROTECTION_MEASURE)
                        : new ForChild(contract.waitingDays(), null);
        }
    }
}
