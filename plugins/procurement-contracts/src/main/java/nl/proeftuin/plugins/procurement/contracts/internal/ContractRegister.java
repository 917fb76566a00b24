package nl.proeftuin.plugins.procurement.contracts.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import nl.proeftuin.core.api.dto.LifeDomain;

/**
 * A regional contract register: which provider is contracted for which product in which
 * municipalities, with capacity and waiting times. Read from a JSON document (format in
 * {@code plugins/README.md}, example in {@code registers/example.json} of this bundle):
 *
 * <pre>{@code
 * { "version": "2026.1",
 *   "providers": [ { "name": "Jeugdhulp Vallei", "agb": "12345678" } ],
 *   "products":  [ { "code": "45A20", "category": "45", "name": "Ambulante jeugdhulp", "domain": "PARENTING" } ],
 *   "contracts": [ { "provider": "Jeugdhulp Vallei", "product": "45A20", "type": "REGIONAL",
 *                    "municipalities": ["Ede", "Wageningen"], "capacity": 4,
 *                    "waitingDays": 42, "urgentDays": 14, "priorityWaitingDays": 21, "crisisDays": 1 } ] }
 * }</pre>
 *
 * <p>Waiting times must rise with the rank of a need: {@code crisisDays <= urgentDays <=
 * priorityWaitingDays <= waitingDays} ({@code urgentDays} defaults to {@code priorityWaitingDays}).
 * That is what makes "a protection measure has priority unless another child's need is more urgent"
 * hold for every contract (see {@link WaitingTime}). Anything else is refused when the register is
 * read, with an {@link IllegalArgumentException} that names the place in the document.
 *
 * @param version   the register's version (carried by every offer)
 * @param providers by name, in document order
 * @param products  by code, in document order
 * @param contracts in document order
 */
record ContractRegister(String version, Map<String, Provider> providers, Map<String, Product> products,
        List<Contract> contracts) {

    /** A care provider; {@code agb} is its 8-digit AGB code. */
    record Provider(String name, String agb) {
    }

    /** A product: iJw category (2 digits) and code (5 characters), its name and life domain. */
    record Product(String code, String category, String name, LifeDomain domain) {
    }

    /** A contract of one provider for one product in one or more municipalities. */
    record Contract(Provider provider, Product product, String type, Set<String> municipalities, int capacity,
            int waitingDays, int urgentDays, int priorityWaitingDays, int crisisDays) {

        boolean covers(String municipality) {
            return municipality != null && municipalities.contains(municipality.trim().toLowerCase(Locale.ROOT));
        }
    }

    static final String LOCAL = "LOCAL";
    static final String REGIONAL = "REGIONAL";

    private static final Pattern AGB = Pattern.compile("[0-9]{8}");
    private static final Pattern CATEGORY = Pattern.compile("[0-9]{2}");
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z]{5}");
    private static final int MAX_DAYS = 3650;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();

    ContractRegister {
        providers = Collections.unmodifiableMap(new LinkedHashMap<>(providers));
        products = Collections.unmodifiableMap(new LinkedHashMap<>(products));
        contracts = List.copyOf(contracts);
    }

    /** The provider whose name (case-insensitive) or AGB code this is, or null. */
    Provider provider(String nameOrAgb) {
        if (nameOrAgb == null) {
            return null;
        }
        String wanted = nameOrAgb.trim();
        for (Provider p : providers.values()) {
            if (p.name().equalsIgnoreCase(wanted) || p.agb().equals(wanted)) {
                return p;
            }
        }
        return null;
    }

    /** The contracts covering a municipality, in document order. */
    List<Contract> covering(String municipality) {
        return contracts.stream().filter(c -> c.covers(municipality)).toList();
    }

    /**
     * Reads a register.
     *
     * @param json     the document
     * @param location where it came from (named in every error)
     * @return the register
     * @throws IllegalArgumentException naming the location and the place in the document that is wrong
     */
    static ContractRegister parse(String json, String location) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw bad(location, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw bad(location, "the document must be a JSON object with version, providers, products and contracts");
        }
        String version = text(root, "version", location, "");
        Map<String, Provider> providers = new LinkedHashMap<>();
        Map<String, Product> products = new LinkedHashMap<>();
        List<Contract> contracts = new ArrayList<>();

        JsonNode ps = array(root, "providers", location);
        for (int i = 0; i < ps.size(); i++) {
            String at = "providers[" + i + "].";
            String name = text(ps.get(i), "name", location, at);
            String agb = text(ps.get(i), "agb", location, at);
            if (!AGB.matcher(agb).matches()) {
                throw bad(location, at + "agb '" + agb + "' is not an 8-digit AGB code");
            }
            String key = name.toLowerCase(Locale.ROOT);
            if (providers.containsKey(key)) {
                throw bad(location, at + "name '" + name + "' appears twice");
            }
            providers.put(key, new Provider(name, agb));
        }
        JsonNode prs = array(root, "products", location);
        for (int i = 0; i < prs.size(); i++) {
            String at = "products[" + i + "].";
            String code = text(prs.get(i), "code", location, at);
            String category = text(prs.get(i), "category", location, at);
            if (!CODE.matcher(code).matches()) {
                throw bad(location, at + "code '" + code + "' is not a 5-character iJw product code");
            }
            if (!CATEGORY.matcher(category).matches()) {
                throw bad(location, at + "category '" + category + "' is not a 2-digit iJw product category");
            }
            String domainText = text(prs.get(i), "domain", location, at);
            LifeDomain domain;
            try {
                domain = LifeDomain.valueOf(domainText);
            } catch (IllegalArgumentException e) {
                throw bad(location, at + "domain '" + domainText + "' is not one of " + List.of(LifeDomain.values()));
            }
            if (products.containsKey(code)) {
                throw bad(location, at + "code '" + code + "' appears twice");
            }
            products.put(code, new Product(code, category, text(prs.get(i), "name", location, at), domain));
        }
        JsonNode cs = array(root, "contracts", location);
        for (int i = 0; i < cs.size(); i++) {
            String at = "contracts[" + i + "].";
            JsonNode c = cs.get(i);
            String providerName = text(c, "provider", location, at);
            Provider provider = providers.get(providerName.toLowerCase(Locale.ROOT));
            if (provider == null) {
                throw bad(location, at + "provider '" + providerName + "' is not in providers");
            }
            String productCode = text(c, "product", location, at);
            Product product = products.get(productCode);
            if (product == null) {
                throw bad(location, at + "product '" + productCode + "' is not in products");
            }
            String type = text(c, "type", location, at);
            if (!LOCAL.equals(type) && !REGIONAL.equals(type)) {
                throw bad(location, at + "type '" + type + "' must be LOCAL or REGIONAL");
            }
            JsonNode ms = array(c, "municipalities", location, at);
            Set<String> municipalities = new TreeSet<>();
            for (int j = 0; j < ms.size(); j++) {
                if (!ms.get(j).isTextual() || ms.get(j).asText().isBlank()) {
                    throw bad(location, at + "municipalities[" + j + "] must be a municipality name");
                }
                municipalities.add(ms.get(j).asText().trim().toLowerCase(Locale.ROOT));
            }
            if (municipalities.isEmpty()) {
                throw bad(location, at + "municipalities must name at least one municipality");
            }
            if (LOCAL.equals(type) && municipalities.size() != 1) {
                throw bad(location, at + "a LOCAL contract covers exactly one municipality (REGIONAL for more)");
            }
            int capacity = days(c, "capacity", location, at, null);
            int waiting = days(c, "waitingDays", location, at, null);
            int priority = days(c, "priorityWaitingDays", location, at, null);
            int urgent = days(c, "urgentDays", location, at, priority);
            int crisis = days(c, "crisisDays", location, at, null);
            if (!(crisis <= urgent && urgent <= priority && priority <= waiting)) {
                throw bad(location, at + "waiting times must rise with the rank of a need: crisisDays (" + crisis
                        + ") <= urgentDays (" + urgent + ") <= priorityWaitingDays (" + priority
                        + ") <= waitingDays (" + waiting + ")");
            }
            contracts.add(new Contract(provider, product, type, municipalities, capacity, waiting, urgent, priority,
                    crisis));
        }
        return new ContractRegister(version, providers, products, contracts);
    }

    private static JsonNode array(JsonNode node, String field, String location) {
        return array(node, field, location, "");
    }

    private static JsonNode array(JsonNode node, String field, String location, String at) {
        JsonNode a = node == null ? null : node.get(field);
        if (a == null || !a.isArray()) {
            throw bad(location, at + field + " must be an array");
        }
        return a;
    }

    private static String text(JsonNode node, String field, String location, String at) {
        JsonNode v = node == null || !node.isObject() ? null : node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw bad(location, at + field + " is missing or not a non-empty string");
        }
        return v.asText().trim();
    }

    private static int days(JsonNode node, String field, String location, String at, Integer dflt) {
        JsonNode v = node.get(field);
        if (v == null && dflt != null) {
            return dflt;
        }
        if (v == null || !v.isIntegralNumber() || v.asLong() < 0 || v.asLong() > MAX_DAYS) {
            throw bad(location, at + field + " must be a whole number from 0 to " + MAX_DAYS);
        }
        return v.asInt();
    }

    private static IllegalArgumentException bad(String location, String what) {
        return new IllegalArgumentException("procurement-contracts: register " + location + ": " + what);
    }
}
