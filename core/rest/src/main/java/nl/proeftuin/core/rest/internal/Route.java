package nl.proeftuin.core.rest.internal;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.databind.type.TypeFactory;

/**
 * One route of the API, declared once, in its resource's {@code register(Router)}: method and path
 * template, who may call it ({@link RoutePolicy}), what it is ({@code operationId}, tag, summary),
 * what it reads and answers (the types the OpenAPI document's schemas are generated from, see
 * {@link OpenApiDocument}), and its handler:
 *
 * <pre>{@code
 * router.add(Route.get("/cases/{caseId}").operation("getCase", "cases", "Reads a case.")
 *         .policy(RoutePolicy.onCase(Role.PROFESSIONAL)).parameter("IfNoneMatch")
 *         .returns(200, "OK", CaseView.class).headers("ETag").responses(304)
 *         .handle(r -> ...));
 * }</pre>
 *
 * <p>The {@link Router} refuses a declaration without a policy, an operation or a handler, so no
 * route is ever open, or undocumented, by accident. A declaration is complete when it is added;
 * it is not changed afterwards.
 */
final class Route {

    /** A query parameter the route reads. */
    record Query(String name, Type type, boolean required, String description) {
    }

    /** One documented answer: its status, what it means, its content by media type, its headers. */
    static final class Answer {
        final int status;
        final String description;
        /** Media type to the Java type of the JSON content, or to {@link String} for a text representation. */
        final Map<String, Type> content = new LinkedHashMap<>();
        final List<String> headers = new ArrayList<>();
        /** Whether this is a problem+json answer of the route's own (an {@link ApiProblem}). */
        final boolean problem;

        Answer(int status, String description, boolean problem) {
            this.status = status;
            this.description = description;
            this.problem = problem;
        }
    }

    private final String method;
    private final String template;
    private RoutePolicy policy;
    private Router.Handler handler;
    private String operationId;
    private String tag;
    private String summary;
    private String description;
    private Type body;
    private final List<Query> queries = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private final List<Answer> answers = new ArrayList<>();
    private final List<Integer> shared = new ArrayList<>();
    /** Set when the router took it: a declaration is not changed afterwards (no route opened later by accident). */
    private boolean added;

    private Route(String method, String template) {
        this.method = Objects.requireNonNull(method);
        this.template = Objects.requireNonNull(template);
    }

    static Route get(String template) {
        return new Route("GET", template);
    }

    static Route post(String template) {
        return new Route("POST", template);
    }

    static Route put(String template) {
        return new Route("PUT", template);
    }

    static Route delete(String template) {
        return new Route("DELETE", template);
    }

    /** A JSON list of {@code element}, for {@link #returns}. */
    static Type listOf(Class<?> element) {
        return TypeFactory.defaultInstance().constructCollectionType(List.class, element);
    }

    /** A generic type such as {@code Page<CaseSummary>}, for {@link #returns} (its schema is {@code CaseSummaryPage}). */
    static Type generic(Class<?> raw, Class<?>... arguments) {
        return TypeFactory.defaultInstance().constructParametricType(raw, arguments);
    }

    /** Who may call this route; the {@link Guard} decides every request by it. Required. */
    Route policy(RoutePolicy policy) {
        unchanged();
        this.policy = Objects.requireNonNull(policy);
        return this;
    }

    /** The OpenAPI operation: a stable id clients generate code from, its tag and a one-line summary. Required. */
    Route operation(String operationId, String tag, String summary) {
        unchanged();
        this.operationId = Objects.requireNonNull(operationId);
        this.tag = Objects.requireNonNull(tag);
        this.summary = Objects.requireNonNull(summary);
        return this;
    }

    /** More than the summary says: rules, need to know, what a refusal means. */
    Route describe(String description) {
        unchanged();
        this.description = description;
        return this;
    }

    /** The route reads a JSON body of this type (required; 400, 413 and 415 are then documented). */
    Route body(Type type) {
        unchanged();
        this.body = Objects.requireNonNull(type);
        return this;
    }

    /** An optional query parameter. */
    Route query(String name, Type type, String description) {
        unchanged();
        queries.add(new Query(name, type, false, description));
        return this;
    }

    /** A required query parameter (its absence is a 400 naming it). */
    Route requiredQuery(String name, Type type, String description) {
        unchanged();
        queries.add(new Query(name, type, true, description));
        return this;
    }

    /** A shared parameter of the document's {@code components/parameters}, such as {@code IfNoneMatch}. */
    Route parameter(String component) {
        unchanged();
        parameters.add(component);
        return this;
    }

    /** An answer with a JSON body of {@code type}, or without a body when {@code type} is null. */
    Route returns(int status, String description, Type type) {
        unchanged();
        Answer answer = answer(status, description, false);
        if (type != null) {
            answer.content.put("application/json", type);
        }
        return this;
    }

    /** An answer (or another representation of one already declared) as text of {@code mediaType}. */
    Route returnsText(int status, String description, String mediaType) {
        unchanged();
        answer(status, description, false).content.put(mediaType, String.class);
        return this;
    }

    /** Headers (of the document's {@code components/headers}) the last declared answer carries. */
    Route headers(String... components) {
        unchanged();
        if (answers.isEmpty()) {
            throw new IllegalStateException(this + ": headers before any answer");
        }
        answers.get(answers.size() - 1).headers.addAll(List.of(components));
        return this;
    }

    /**
     * Further answers of the document's shared {@code components/responses} (404, 409, 412, ...). The
     * ones every route of its kind gives are added by the document itself: 401, 403 and 503 when it
     * needs a login; 400, 413 and 415 when it reads a body; 404 when need to know applies to its path.
     */
    Route responses(int... statuses) {
        unchanged();
        for (int status : statuses) {
            shared.add(status);
        }
        return this;
    }

    /** A problem+json answer of this route's own, with what it means here (a rule's name, ...). */
    Route problem(int status, String description) {
        unchanged();
        answer(status, description, true).content.put("application/problem+json", ApiProblem.class);
        return this;
    }

    /** Completes the declaration; add it to the router. */
    Route handle(Router.Handler handler) {
        unchanged();
        this.handler = Objects.requireNonNull(handler);
        return this;
    }

    private void unchanged() {
        if (added) {
            throw new IllegalStateException(this + " is in the router already: declare it whole before adding it");
        }
    }

    private Answer answer(int status, String description, boolean problem) {
        for (Answer a : answers) {
            if (a.status == status) {
                return a;
            }
        }
        Answer a = new Answer(status, description, problem);
        answers.add(a);
        return a;
    }

    /**
     * Checks the declaration is complete.
     *
     * @throws IllegalArgumentException when the declaration lacks its policy, operation or handler, or
     *                                  its policy's need to know names a variable its path lacks
     */
    void check() {
        if (policy == null) {
            throw new IllegalArgumentException(this + " declares no policy: say who may call it (RoutePolicy)");
        }
        if (operationId == null) {
            throw new IllegalArgumentException(this + " declares no operation (operationId, tag, summary)");
        }
        if (handler == null) {
            throw new IllegalArgumentException(this + " has no handler");
        }
        String variable = switch (policy.scope()) {
            case CASE -> "{caseId}";
            case PERSON -> "{personId}";
            case HOUSEHOLD -> "{householdId}";
            default -> null;
        };
        if (variable != null && !template.contains(variable)) {
            throw new IllegalArgumentException(this + ": need to know on " + variable + ", which the path lacks");
        }
    }

    /** Marks the declaration as taken by the router: it cannot be changed from now on. */
    void freeze() {
        added = true;
    }

    String method() {
        return method;
    }

    String template() {
        return template;
    }

    RoutePolicy policy() {
        return policy;
    }

    Router.Handler handler() {
        return handler;
    }

    String operationId() {
        return operationId;
    }

    String tag() {
        return tag;
    }

    String summary() {
        return summary;
    }

    String description() {
        return description;
    }

    Type body() {
        return body;
    }

    List<Query> queries() {
        return List.copyOf(queries);
    }

    List<String> parameters() {
        return List.copyOf(parameters);
    }

    List<Answer> answers() {
        return List.copyOf(answers);
    }

    List<Integer> shared() {
        return List.copyOf(shared);
    }

    @Override
    public String toString() {
        return method + " " + template;
    }
}
