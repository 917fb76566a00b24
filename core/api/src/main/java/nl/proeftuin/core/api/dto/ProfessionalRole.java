package nl.proeftuin.core.api.dto;

/** The core role catalogue for professionals assigned to a case. */
public enum ProfessionalRole {
    /** The one fixed professional of the local team (<i>vaste professional, vast gezicht</i>). */
    FIXED_PROFESSIONAL,
    /** Professional of the regional safety team (<i>Regionaal Veiligheidsteam</i>, RVT). */
    RVT_PROFESSIONAL,
    /** Veilig Thuis worker. */
    VEILIG_THUIS,
    /** Raad voor de Kinderbescherming investigator. */
    RAAD,
    /** Certified institution worker (<i>gecertificeerde instelling</i>, GI). */
    GI,
    /** Behavioural scientist (<i>gedragswetenschapper</i>). */
    BEHAVIOURAL_SCIENTIST,
    /** Process director of the Zorg- en Veiligheidshuis (<i>procesregisseur</i>). */
    PROCESS_DIRECTOR,
    /** Case director (<i>casusregisseur</i>) where a region uses a separate one. */
    CASE_DIRECTOR,
    /** Independent client supporter (<i>clientondersteuner</i>). */
    CLIENT_SUPPORTER,
    /** Experience expert (<i>ervaringsdeskundige</i>). */
    EXPERIENCE_EXPERT,
    /** Care provider delivering help. */
    CARE_PROVIDER
}
