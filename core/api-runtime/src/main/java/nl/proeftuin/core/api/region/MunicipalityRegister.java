package nl.proeftuin.core.api.region;

import java.util.List;

import nl.proeftuin.core.api.dto.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The region's register of municipalities: the only municipalities a case, household, binding, user
 * or monitor filter may name. A name is looked up after NFKC normalisation and case-insensitively,
 * and answered in the register's exact form ({@code arnhem} is {@code Arnhem}); a name holding a
 * control, zero-width or non-Latin character is refused before any lookup.
 *
 * <p>Rule names: {@code municipality-exists} (add: the code or the name is taken),
 * {@code municipality-register-empty} (a name was checked while the register holds none: a regional
 * administrator must add the region's municipalities first, or a region feature seeds them).
 *
 * @throws nl.proeftuin.core.api.InvalidInputException on an invalid code, name or inhabitants, or an
 *                                                     unknown municipality (naming the field)
 */
@ProviderType
public interface MunicipalityRegister {

    /** @return every municipality, by name */
    List<Municipality> municipalities();

    /**
     * Adds a municipality.
     *
     * @throws nl.proeftuin.core.api.RuleViolationException {@code municipality-exists}
     */
    Municipality add(Actor actor, MunicipalityInput input);

    /**
     * Changes a municipality's name or inhabitants (its code stays).
     *
     * @throws nl.proeftuin.core.api.NotFoundException      for an unknown code
     * @throws nl.proeftuin.core.api.RuleViolationException {@code municipality-exists} when the new name is taken
     */
    Municipality change(Actor actor, String code, MunicipalityInput input);

    /**
     * The register's form of a municipality name.
     *
     * @param field the field the name came from, named in the refusal
     * @param name  the name as given
     * @return the registered name, exact case
     * @throws nl.proeftuin.core.api.InvalidInputException  on {@code field} when the name is invalid or unknown
     * @throws nl.proeftuin.core.api.RuleViolationException {@code municipality-register-empty}
     */
    String canonical(String field, String name);
}
