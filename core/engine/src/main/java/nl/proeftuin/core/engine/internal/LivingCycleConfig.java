package nl.proeftuin.core.engine.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * Configuration of {@link TransactionalLivingService} (PID
 * {@code nl.proeftuin.core.engine.internal.TransactionalLivingService}): the terms of a measure's cycle
 * (issue 14 part 6, decision 0038).
 */
@ObjectClassDefinition(name = "Proeftuin living case",
        description = "The measure's cycle: when an evaluation is due before a measure's end, the reminder before it,"
                + " the Raad's report-back term, and how often they are checked.")
@interface LivingCycleConfig {

    @AttributeDefinition(name = "OTS evaluation term (weeks before the end)", min = "1", max = "52",
            description = "An OTS is evaluated this many weeks before its end date (8: time to ask the court for an"
                    + " extension)")
    int otsEvaluationWeeks() default 8;

    @AttributeDefinition(name = "Out-of-home placement evaluation term (weeks before the end)", min = "1", max = "52",
            description = "An out-of-home placement is evaluated this many weeks before its end date")
    int placementEvaluationWeeks() default 8;

    @AttributeDefinition(name = "Reminder (days before the evaluation is due)", min = "0", max = "90",
            description = "The fixed professionals are reminded this many days before an evaluation is due")
    int evaluationReminderDays() default 14;

    @AttributeDefinition(name = "Raad report-back term (months)", min = "1", max = "12",
            description = "The Raad reports on an investigation within this many months")
    int raadReportMonths() default 3;

    @AttributeDefinition(name = "Cycle check interval (minutes)", min = "0",
            description = "How often due evaluations and overdue Raad reports are looked for (an alert each, once in"
                    + " the region); 0 = never by itself")
    long cycleCheckMinutes() default 60;

    @AttributeDefinition(name = "Reporter feedback term (days after the signal)", min = "1", max = "90",
            description = "A signal's reporter is told what happens next within this many days of the signal; an"
                    + " alert to the case's fixed professionals when it is missed")
    int reporterFeedbackDays() default 10;

    @AttributeDefinition(name = "Professionals around one family (threshold)", min = "1", max = "100",
            description = "When more professionals than this are active around one family (its open cases sharing a"
                    + " member), each case's fixed professional gets a notice naming them")
    int familyProfessionalsThreshold() default 5;
}
