package nl.proeftuin.core.engine.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.proeftuin.core.api.dto.Action;
import nl.proeftuin.core.api.dto.Assignment;
import nl.proeftuin.core.api.dto.Condition;
import nl.proeftuin.core.api.dto.FamilyView;
import nl.proeftuin.core.api.dto.Goal;
import nl.proeftuin.core.api.dto.LifeDomain;
import nl.proeftuin.core.api.dto.ProfessionalRole;
import nl.proeftuin.core.api.dto.SafetyAgreement;

/**
 * Writes a plan version as the family reads it: plain Dutch at B1 level. Short sentences, no
 * jargon, first names, dates written out ("12 maart 2027"), and always who is the fixed professional
 * (<i>vaste professional</i>) and who directs the case (<i>de regie</i>), because the field confuses
 * the word <i>regie</i>.
 */
final class PlainDutch {

    private static final String[] MONTHS = {"januari", "februari", "maart", "april", "mei", "juni", "juli",
        "augustus", "september", "oktober", "november", "december"};

    private PlainDutch() {
    }

    /**
     * @param version    the plan version number
     * @param savedOn    the date it was saved
     * @param savedBy    who saved it (their name on the team, else "een hulpverlener")
     * @param plan       its content
     * @param firstNames first names of the persons the plan names, by person id
     * @param team       the team on the day it was saved
     */
    static FamilyView familyView(int version, LocalDate savedOn, String savedBy, PlanDocument plan,
            Map<String, String> firstNames, List<Assignment> team) {
        List<FamilyView.Section> sections = new ArrayList<>();

        List<String> goals = new ArrayList<>();
        for (Goal g : plan.goals()) {
            String forWhom = g.personId() == null ? "Voor het hele gezin"
                    : "Voor " + firstNames.getOrDefault(g.personId(), "een gezinslid");
            goals.add(forWhom + " (" + domain(g.domain()) + "): " + sentence(g.description()));
        }
        sections.add(new FamilyView.Section("Wat willen we bereiken?",
                orElse(goals, "Er staan nog geen doelen in het plan.")));

        List<String> actions = new ArrayList<>();
        for (Action a : plan.actions()) {
            actions.add(a.who() + ": " + sentence(a.description()) + period(a.start(), a.end()));
        }
        sections.add(new FamilyView.Section("Wie doet wat?", orElse(actions, "Er is nog niet afgesproken wie wat doet.")));

        List<String> agreements = new ArrayList<>();
        for (SafetyAgreement s : plan.agreements()) {
            agreements.add(s.who() + ": " + sentence(s.description()));
        }
        sections.add(new FamilyView.Section("Afspraken over veiligheid",
                orElse(agreements, "Er zijn geen afspraken over veiligheid.")));

        List<String> conditions = new ArrayList<>();
        for (Condition k : plan.conditions()) {
            conditions.add(sentence(k.description()) + " Als dit niet lukt: " + sentence(k.consequence())
                    + (k.deadline() == null ? "" : " Dit moet lukken vóór " + date(k.deadline()) + "."));
        }
        sections.add(new FamilyView.Section("Voorwaarden — en wat er gebeurt als het niet lukt",
                orElse(conditions, "Er zijn geen voorwaarden. Alles in dit plan doen we samen en vrijwillig.")));

        List<String> people = new ArrayList<>();
        for (Assignment a : team) {
            StringBuilder line = new StringBuilder(a.name()).append(" (").append(a.organisation()).append(") is ")
                    .append(role(a.role())).append('.');
            if (a.role() == ProfessionalRole.FIXED_PROFESSIONAL) {
                line.append(" ").append(a.name()).append(" is jullie vaste professional: jullie vaste contactpersoon.");
            }
            if (a.casusregie()) {
                line.append(" ").append(a.name())
                        .append(" heeft de regie: houdt het overzicht en zorgt dat iedereen doet wat is afgesproken.");
            }
            people.add(line.toString());
        }
        sections.add(new FamilyView.Section("Wie zijn er betrokken?",
                orElse(people, "Er is nog geen hulpverlener aan jullie gezin gekoppeld.")));

        sections.add(new FamilyView.Section("Wat vindt het gezin zelf?", plan.familyView() == null
                ? List.of("Dit hebben jullie nog niet ingevuld. Vertel het aan jullie vaste professional.")
                : List.of(plan.familyView())));

        return new FamilyView("Ons gezinsplan (versie " + version + ")",
                "Dit is het plan dat we samen met jullie hebben gemaakt. Hierin staat wat we willen bereiken, "
                        + "wie wat doet en welke afspraken we hebben gemaakt. Deze versie is van " + date(savedOn)
                        + " en is opgeslagen door " + savedBy + ". Bij \"Wie zijn er betrokken?\" staat wie er toen"
                        + " bij jullie gezin betrokken was.",
                List.copyOf(sections));
    }

    /** "12 maart 2027". */
    static String date(LocalDate d) {
        return d.getDayOfMonth() + " " + MONTHS[d.getMonthValue() - 1] + " " + d.getYear();
    }

    static String domain(LifeDomain d) {
        return switch (d) {
            case SAFETY -> "veiligheid";
            case PARENTING -> "opvoeden";
            case DEVELOPMENT_AND_SCHOOL -> "ontwikkeling en school";
            case INCOME_AND_DEBT -> "geld en schulden";
            case HOUSING -> "wonen";
            case HEALTH -> "gezondheid";
            case ADDICTION -> "verslaving";
            case SOCIAL_NETWORK -> "familie, vrienden en buren";
            case WORK_AND_DAYTIME -> "werk en dagbesteding";
        };
    }

    static String role(ProfessionalRole r) {
        return switch (r) {
            case FIXED_PROFESSIONAL -> "hulpverlener van het lokale team";
            case RVT_PROFESSIONAL -> "hulpverlener van het Regionaal Veiligheidsteam. Dit team weet veel over veiligheid";
            case VEILIG_THUIS -> "medewerker van Veilig Thuis";
            case RAAD -> "onderzoeker van de Raad voor de Kinderbescherming";
            case GI -> "jeugdbeschermer";
            case BEHAVIOURAL_SCIENTIST -> "gedragsdeskundige. Die denkt mee over wat jullie gezin nodig heeft";
            case PROCESS_DIRECTOR -> "medewerker van het Zorg- en Veiligheidshuis. Die brengt de hulpverleners bij elkaar";
            case CASE_DIRECTOR -> "de persoon die het overzicht houdt over alle hulp";
            case CLIENT_SUPPORTER -> "cliëntondersteuner. Die helpt jullie en staat naast jullie, los van de hulpverleners";
            case EXPERIENCE_EXPERT -> "ervaringsdeskundige. Die heeft zelf zoiets meegemaakt";
            case CARE_PROVIDER -> "hulpverlener";
        };
    }

    private static String period(LocalDate start, LocalDate end) {
        if (start != null && end != null) {
            return " Van " + date(start) + " tot " + date(end) + ".";
        }
        if (start != null) {
            return " Vanaf " + date(start) + ".";
        }
        return end == null ? "" : " Tot " + date(end) + ".";
    }

    /** Ends the text with a full stop unless it already ends a sentence. */
    private static String sentence(String text) {
        String t = text.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }

    private static List<String> orElse(List<String> items, String empty) {
        return items.isEmpty() ? List.of(empty) : List.copyOf(items);
    }
}
