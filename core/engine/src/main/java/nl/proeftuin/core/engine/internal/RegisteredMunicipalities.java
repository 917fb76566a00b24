package nl.proeftuin.core.engine.internal;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.api.NotFoundException;
import nl.proeftuin.core.api.RuleViolationException;
import nl.proeftuin.core.api.dto.Actor;
import nl.proeftuin.core.api.region.Municipality;
import nl.proeftuin.core.api.region.MunicipalityInput;
import nl.proeftuin.core.api.region.MunicipalityRegister;
import nl.proeftuin.core.store.Database;
import nl.proeftuin.core.store.region.MunicipalityNames;
import nl.proeftuin.core.store.region.MunicipalityStore;
import nl.proeftuin.core.store.region.StoredMunicipality;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The register kept in the database. Who may change it (the regional administrator) is decided by
 * the REST layer and the shell; every change names its actor.
 */
@Component(service = MunicipalityRegister.class)
public class RegisteredMunicipalities implements MunicipalityRegister {

    static final String EXISTS = "municipality-exists";
    static final String RENAME = "municipality-rename";
    /** More inhabitants than any municipality could have: a typo, not a figure. */
    static final int MAX_INHABITANTS = 100_000_000;

    private final Database database;
    private final MunicipalityStore store;
    private final Clock clock;

    @Activate
    public RegisteredMunicipalities(@Reference Database database, @Reference MunicipalityStore store) {
        this(database, store, Clock.systemUTC());
    }

    RegisteredMunicipalities(Database database, MunicipalityStore store, Clock clock) {
        this.database = database;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public List<Municipality> municipalities() {
        return Domain.transaction(database, c -> store.all(c).stream().map(RegisteredMunicipalities::view).toList());
    }

    @Override
    public Municipality add(Actor actor, MunicipalityInput input) {
        Check.actor(actor);
        Check.required("body", input);
        String code = code(input.code());
        StoredMunicipality m = new StoredMunicipality(code, name(input.name()), inhabitants(input.inhabitants()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), actor.id());
        return Domain.transaction(database, c -> {
            if (store.byCode(c, code).isPresent()) {
                throw new RuleViolationException(EXISTS, "The register already has a municipality with code " + code);
            }
            var sameName = store.byKey(c, MunicipalityNames.key(m.name()));
            if (sameName.isPresent()) {
                throw new RuleViolationException(EXISTS, "The register already has " + sameName.get().name()
                        + " (" + sameName.get().code() + ")");
            }
            store.insert(c, m);
            return view(m);
        });
    }

    @Override
    public Municipality change(Actor actor, String code, MunicipalityInput input) {
        Check.actor(actor);
        Check.required("body", input);
        if (input.code() != null && !input.code().equals(code)) {
            throw new InvalidInputException("code", "cannot be changed (it is the CBS code in the path)");
        }
        StoredMunicipality m = new StoredMunicipality(code, name(input.name()), inhabitants(input.inhabitants()),
                clock.instant().truncatedTo(ChronoUnit.MILLIS), actor.id());
        return Domain.transaction(database, c -> {
            var current = store.byCode(c, code);
            if (current.isEmpty()) {
                throw new NotFoundException("municipality " + code);
            }
            // Cases, bindings and users name a municipality by its register name: a new name would
            // strand them. A merger or a new name comes with a new CBS code (add that one instead).
            if (!current.get().name().equals(m.name())) {
                throw new RuleViolationException(RENAME, "The name of " + current.get().name() + " (" + code
                        + ") cannot change: cases, bindings and users name it; a new name comes with a new CBS code");
            }
            store.update(c, m);
            return view(m);
        });
    }

    @Override
    public String canonical(String field, String name) {
        return Domain.transaction(database, c -> Municipalities.canonical(store, c, field, name));
    }

    static String code(String code) {
        if (!MunicipalityNames.isCbsCode(code)) {
            throw new InvalidInputException("code", "must be a CBS municipality code: GM and four digits (GM0202)");
        }
        return code;
    }

    static String name(String name) {
        try {
            return MunicipalityNames.normalise(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("name", e.getMessage());
        }
    }

    static Integer inhabitants(Integer inhabitants) {
        if (inhabitants != null && (inhabitants < 0 || inhabitants > MAX_INHABITANTS)) {
            throw new InvalidInputException("inhabitants", "must be from 0 to " + MAX_INHABITANTS);
        }
        return inhabitants;
    }

    static Municipality view(StoredMunicipality m) {
        return new Municipality(m.code(), m.name(), m.inhabitants(), m.changedAt(), m.changedBy());
    }
}
