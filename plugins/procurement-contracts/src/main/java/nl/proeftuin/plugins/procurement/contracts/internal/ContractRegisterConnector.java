package nl.proeftuin.plugins.procurement.contracts.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import nl.proeftuin.core.api.DutchDay;
import nl.proeftuin.core.api.InvalidInputException;
import nl.proeftuin.core.spi.ConfigurationCheck;
import nl.proeftuin.core.spi.ExtensionPoint;
import nl.proeftuin.core.spi.MaatwerkRequest;
import nl.proeftuin.core.spi.MaatwerkStatus;
import nl.proeftuin.core.spi.Offer;
import nl.proeftuin.core.spi.OfferQuery;
import nl.proeftuin.core.spi.PluginConfiguration;
import nl.proeftuin.core.spi.PluginId;
import nl.proeftuin.core.spi.ProcurementConnector;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Procurement from a regional contract register ({@link ContractRegister}): offers contracted for the
 * family's municipality, shortest waiting time for this child first ({@link WaitingTime}), and
 * <i>maatwerk</i> requests for providers that are not contracted there, with a decision deadline.
 *
 * <p><b>State.</b> Only the register cache of {@link RegisterLoader}, which is versioned: every offer
 * carries the register version it came from. <i>Maatwerk</i> decisions are not kept here: the core
 * records them ({@code CareFinder.decideMaatwerk}) and raises the alert when a deadline passes.
 *
 * <p><b>Decisions.</b>
 * <ul>
 * <li>Which contracts: those covering the municipality (LOCAL for it, or REGIONAL including it)
 *     whose product is in the need's life domain; a need of two digits narrows to that iJw product
 *     category, a need that is a product code of the register to that product; any other need (words)
 *     does not narrow further: the professional reads the product names.</li>
 * <li>Capacity 0 (full): offered with the register's waiting time (the waiting list is an answer
 *     the family can act on) unless {@code offers.includeFull=false}.</li>
 * <li>Order: waiting days for this child, then provider name, then product code.</li>
 * <li><i>Maatwerk</i>: a provider contracted for the municipality is {@code REFUSED} with "contracted:
 *     use an offer" (it is not maatwerk); any other provider is {@code SUBMITTED} with the deadline
 *     the earlier of the core's proposal and today + {@code maatwerk.decisionDays}.</li>
 * </ul>
 */
@Component(service = ProcurementConnector.class)
@PluginId(ContractRegisterConnector.ID)
@PluginConfiguration(ContractRegisterConnector.ID)
@Designate(ocd = RegisterSourceConfig.class)
public final class ContractRegisterConnector implements ProcurementConnector, ConfigurationCheck {

    static final String ID = "procurement-contracts";
    static final String PID = "nl.proeftuin.plugins.procurement.contracts.internal.ContractRegisterConnector";

    private static final Pattern CATEGORY = Pattern.compile("[0-9]{2}");

    private final RegisterLoader registers;
    private final Clock clock;

    /** @param config the reading limits */
    @Activate
    public ContractRegisterConnector(RegisterSourceConfig config) {
        this(new RegisterLoader(Duration.ofMillis(config.httpTimeoutMillis()), config.maxRegisterBytes(),
                directory(config.fileDirectory()), config.httpSources(), config.allowHttpLoopback(),
                Clock.systemDefaultZone()), Clock.systemDefaultZone());
    }

    /** The register directory, with {@code ${karaf.etc}} replaced by Karaf's etc folder; null = none. */
    static Path directory(String configured) {
        if (configured == null || configured.isBlank()) {
            return null;
        }
        String etc = System.getProperty("karaf.etc");
        if (configured.contains("${karaf.etc}")) {
            if (etc == null) {
                return null;
            }
            configured = configured.replace("${karaf.etc}", etc);
        }
        return Path.of(configured);
    }

    ContractRegisterConnector(RegisterLoader registers, Clock clock) {
        this.registers = registers;
        this.clock = clock;
    }

    /**
     * The bind-time check: every key readable, and {@code register.location} a bundle register, a
     * file under the register directory or a configured HTTP source; never a URL of the binding's own.
     */
    @Override
    public void checkConfiguration(ExtensionPoint point, String municipality, Map<String, String> configuration) {
        ContractsSettings settings;
        try {
            settings = ContractsSettings.from(configuration);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("configuration", e.getMessage());
        }
        try {
            registers.check(settings.location());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("configuration." + ContractsSettings.LOCATION, e.getMessage());
        }
    }

    @Override
    public List<Offer> offers(OfferQuery query, Map<String, String> configuration) {
        ContractsSettings settings = ContractsSettings.from(configuration);
        ContractRegister register = registers.register(settings.location(), settings.refreshSeconds());
        String need = query.need() == null ? "" : query.need().trim();
        List<Offer> offers = new ArrayList<>();
        List<String> productCodes = new ArrayList<>();
        for (ContractRegister.Contract c : register.covering(query.municipality())) {
            if (query.domain() != null && c.product().domain() != query.domain()) {
                continue;
            }
            if (!matchesNeed(c.product(), need, register)) {
                continue;
            }
            if (c.capacity() == 0 && !settings.includeFull()) {
                continue;
            }
            WaitingTime.ForChild wait = WaitingTime.of(c, query.urgency(), query.protectionMeasure());
            offers.add(new Offer(c.provider().name(), c.product().code() + " " + c.product().name()
                    + " (category " + c.product().category() + ")" + (c.capacity() == 0 ? ", full: waiting list" : ""),
                    c.type(), wait.days(), wait.priority(), register.version()));
            productCodes.add(c.product().code());
        }
        // shortest wait first; ties by provider, then product: the same query gives the same list
        offers.sort(Comparator.comparingInt(Offer::waitingDays)
                .thenComparing(o -> o.provider().toLowerCase(Locale.ROOT))
                .thenComparing(Offer::product));
        return List.copyOf(offers);
    }

    private static boolean matchesNeed(ContractRegister.Product product, String need, ContractRegister register) {
        if (CATEGORY.matcher(need).matches()) {
            return product.category().equals(need);
        }
        for (String code : register.products().keySet()) {
            if (code.equalsIgnoreCase(need)) {
                return product.code().equalsIgnoreCase(need);
            }
        }
        return true;
    }

    @Override
    public MaatwerkStatus requestMaatwerk(MaatwerkRequest request, Map<String, String> configuration) {
        ContractsSettings settings = ContractsSettings.from(configuration);
        if (request.provider() == null || request.provider().isBlank()) {
            throw new IllegalArgumentException("procurement-contracts: a maatwerk request names no provider");
        }
        ContractRegister register = registers.register(settings.location(), settings.refreshSeconds());
        ContractRegister.Provider known = register.provider(request.provider());
        if (known != null) {
            List<String> products = register.covering(request.municipality()).stream()
                    .filter(c -> c.provider().equals(known)).map(c -> c.product().code()).distinct().toList();
            if (!products.isEmpty()) {
                return new MaatwerkStatus(request.requestId(), "REFUSED", null, "contracted: use an offer ("
                        + known.name() + " is contracted for " + request.municipality() + " for " + products
                        + ", register " + register.version() + ")");
            }
        }
        LocalDate deadline = DutchDay.today(clock).plusDays(settings.decisionDays());
        if (request.deadline() != null && request.deadline().isBefore(deadline)) {
            deadline = request.deadline();
        }
        return new MaatwerkStatus(request.requestId(), "SUBMITTED", deadline, null);
    }

    /**
     * This connector keeps no maatwerk state (the core records decisions): it always answers
     * {@code SUBMITTED} without a deadline, and the core's record is what counts.
     */
    @Override
    public MaatwerkStatus maatwerkStatus(String requestId, Map<String, String> configuration) {
        ContractsSettings.from(configuration);
        return new MaatwerkStatus(requestId, "SUBMITTED", null,
                "procurement-contracts keeps no decisions: the core records the municipality's decision");
    }
}
