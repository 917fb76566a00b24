package nl.proeftuin.core.rest.internal;

import java.util.Arrays;
import java.util.Set;

import nl.proeftuin.core.audit.AccessAction;
import nl.proeftuin.core.security.Account;
import nl.proeftuin.core.security.NewAccount;
import nl.proeftuin.core.security.Principal;
import nl.proeftuin.core.security.Role;
import nl.proeftuin.core.security.UserAdministration;

/**
 * The users of the proeftuin realm over REST, for the regional administrator granted all
 * municipalities (as the register, see {@link MunicipalityResource}): list, create (the initial password
 * through the platform's policy), change roles and municipalities, disable and enable ({@code PUT /users/{userId}/disabled}),
 * and set a new password for another user ({@code PUT /users/{userId}/password}, same policy, their sessions end). The same
 * {@link UserAdministration} as the {@code proeftuin:user-*} shell commands; every change is a
 * {@code PERMISSION_CHANGE} of the account in the access log (the {@link Guard} logs it after the
 * handler with its outcome). An account never carries a password or its hash. An administrator cannot
 * disable themselves, drop their own administrator role or narrow their own municipalities (409
 * {@code own-account}): the region would lose the account that can put it right.
 */
final class UserResource {
    /** A user to create. */
    record UserInput(String userId, String name, Set<Role> roles, Set<String> municipalities, String organisation,
            String password) {
    }

    /** New roles. */
    record RolesInput(Set<Role> roles) {
    }

    /** New municipalities. */
    record MunicipalitiesInput(Set<String> municipalities) {
    }

    /** A user id as user administration accepts one. */
    static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

    /** Disabled or not. */
    record DisabledInput(Boolean disabled) {
    }

    /** A new password for another user. */
    record PasswordInput(String password) {
        @Override
        public String toString() {
            return "PasswordInput[password=...]"; // never the password
        }
    }

    /** A colleague to pick (issue 18): who, not their roles, scope or state. */
    record Colleague(String userId, String name, String organisation) {
    }

    /** The roles a colleague is picked for: a team member, an independent reviewer. No other role is listed. */
    static final Set<Role> PICKABLE = Set.of(Role.PROFESSIONAL, Role.INDEPENDENT_REVIEWER);

    /** At most this many characters of password (as the login): a longer body is refused before hashing. */
    static final int MAX_PASSWORD = AuthResource.MAX_FIELD;

    private final OptionalService<UserAdministration> users;

    UserResource(OptionalService<UserAdministration> users) {
        this.users = users;
    }

    void register(Router router) {
        router.add(Route.get("/users")
                .operation("users", "users", "Every user of the platform's realm, by user id, without passwords "
                        + "(regional administrator granted all municipalities).")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .returns(200, "OK", Route.listOf(Account.class))
                .handle(r -> {
                    requireWholeRegion(r);
                    return Reply.ok(users.get().accounts());
                }));
        router.add(Route.get("/colleagues")
                .operation("colleagues", "users", "Colleagues to pick as a team member (role PROFESSIONAL) or an "
                        + "independent reviewer (role INDEPENDENT_REVIEWER): enabled users with that role whose user id "
                        + "or name contains q, by name, at most 20; only id, name and organisation (PROFESSIONAL, "
                        + "COORDINATOR).")
                .policy(RoutePolicy.anyOf(Role.PROFESSIONAL, Role.COORDINATOR))
                .query("role", Role.class, "PROFESSIONAL (default) or INDEPENDENT_REVIEWER")
                .query("q", String.class, "2 to 100 characters of the user id or name")
                .returns(200, "OK", Route.listOf(Colleague.class))
                .responses(400)
                .handle(r -> {
                    Role role = r.queryEnum("role", Role.class);
                    if (role == null) {
                        role = Role.PROFESSIONAL;
                    } else if (!PICKABLE.contains(role)) {
                        throw ApiProblem.invalidParameter("role", "must be PROFESSIONAL or INDEPENDENT_REVIEWER");
                    }
                    return Reply.ok(users.get().colleagues(role, r.query("q")).stream()
                            .map(a -> new Colleague(a.userId(), a.name(), a.organisation())).toList()).noStore();
                }));
        router.add(Route.get("/users/{userId}")
                .operation("user", "users", "One user, without password (regional administrator granted all municipalities).")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .returns(200, "OK", Account.class)
                .responses(400, 404)
                .handle(r -> {
                    requireWholeRegion(r);
                    return Reply.ok(users.get().account(userId(r)));
                }));
        router.add(Route.post("/users")
                .operation("addUser", "users", "Creates a user with an initial password, checked by the platform's "
                        + "password policy (400 on the field password when refused); logged as a permission change. "
                        + "409 user-exists when the id is taken.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(UserInput.class)
                .returns(201, "Created", Account.class).headers("Location")
                .responses(409)
                .handle(r -> {
                    requireWholeRegion(r);
                    UserInput in = r.body(UserInput.class);
                    if (in.password() == null || in.password().isEmpty()) {
                        throw ApiProblem.invalidField("password", "is required");
                    }
                    permissionChange(r, "roles=" + in.roles() + " municipalities=" + in.municipalities());
                    char[] password = in.password().toCharArray();
                    try {
                        Account created = users.get().add(new NewAccount(in.userId(), in.name(), in.roles(),
                                in.municipalities() == null ? Set.of() : in.municipalities(), in.organisation()), password);
                        return Reply.created(created, r.link("/users/" + created.userId()));
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                }));
        router.add(Route.put("/users/{userId}/roles")
                .operation("setUserRoles", "users", "Replaces a user's roles (at least one); open sessions get them on "
                        + "their next request. Logged as a permission change.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(RolesInput.class)
                .returns(200, "OK", Account.class)
                .responses(404, 409)
                .handle(r -> {
                    Principal me = requireWholeRegion(r);
                    RolesInput in = r.body(RolesInput.class);
                    String userId = userId(r);
                    if (me.userId().equals(userId) && (in.roles() == null || !in.roles().contains(Role.REGIONAL_ADMINISTRATOR))) {
                        throw ownAccount("You cannot drop your own REGIONAL_ADMINISTRATOR role; another administrator can");
                    }
                    permissionChange(r, "roles=" + in.roles());
                    return Reply.ok(users.get().setRoles(userId, in.roles()));
                }));
        router.add(Route.put("/users/{userId}/municipalities")
                .operation("setUserMunicipalities", "users", "Replaces a user's municipalities: names of the region's "
                        + "register, or the one entry * for all; empty: none. Logged as a permission change.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(MunicipalitiesInput.class)
                .returns(200, "OK", Account.class)
                .responses(404, 409)
                .handle(r -> {
                    Principal me = requireWholeRegion(r);
                    MunicipalitiesInput in = r.body(MunicipalitiesInput.class);
                    String userId = userId(r);
                    Set<String> municipalities = in.municipalities() == null ? Set.of() : in.municipalities();
                    if (me.userId().equals(userId) && !(municipalities.size() == 1
                            && municipalities.stream().allMatch(Principal::meansAll))) {
                        throw ownAccount("You cannot narrow your own municipalities; another administrator can");
                    }
                    permissionChange(r, "municipalities=" + municipalities);
                    return Reply.ok(users.get().setMunicipalities(userId, municipalities));
                }));
        router.add(Route.put("/users/{userId}/disabled")
                .operation("setUserDisabled", "users", "Disables a user (true: logins refused from now on, their "
                        + "sessions end at once) or enables them again (false). Logged as a permission change.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(DisabledInput.class)
                .returns(200, "OK", Account.class)
                .responses(404, 409)
                .handle(r -> {
                    Principal me = requireWholeRegion(r);
                    String userId = userId(r);
                    DisabledInput in = r.body(DisabledInput.class);
                    if (in.disabled() == null) {
                        throw ApiProblem.invalidField("disabled", "is required (true or false)");
                    }
                    if (in.disabled() && me.userId().equals(userId)) {
                        throw ownAccount("You cannot disable yourself; another administrator can");
                    }
                    permissionChange(r, "disabled=" + in.disabled());
                    return Reply.ok(in.disabled() ? users.get().disable(userId) : users.get().enable(userId));
                }));
        registerPasswordReset(router);
    }

    /**
     * A new password set by the administrator for another user (one who forgot theirs): the same
     * policy as at creation, their sessions end at once (the realm's {@code changePassword}, like
     * {@code proeftuin:user-password}). Not for one's own account: a stolen administrator session must
     * not be able to take the account over from its owner without knowing the password.
     */
    private void registerPasswordReset(Router router) {
        router.add(Route.put("/users/{userId}/password")
                .operation("resetUserPassword", "users", "Sets a new password for another user, checked by the platform's "
                        + "password policy (400 on the field password when refused); the user's open sessions end at once. "
                        + "Logged as a permission change without the password. 409 own-account for one's own account.")
                .policy(RoutePolicy.anyOf(Role.REGIONAL_ADMINISTRATOR))
                .body(PasswordInput.class)
                .returns(200, "OK", Account.class)
                .responses(404, 409)
                .handle(r -> {
                    Principal me = requireWholeRegion(r);
                    String userId = userId(r);
                    PasswordInput in = r.body(PasswordInput.class);
                    if (in.password() == null || in.password().isEmpty()) {
                        throw ApiProblem.invalidField("password", "is required");
                    }
                    if (in.password().length() > MAX_PASSWORD) {
                        throw ApiProblem.invalidField("password", "must be at most " + MAX_PASSWORD + " characters");
                    }
                    if (me.userId().equals(userId)) {
                        throw ownAccount("You cannot reset your own password here; another administrator can "
                                + "(or proeftuin:user-password at the console)");
                    }
                    permissionChange(r, "password=reset");
                    char[] password = in.password().toCharArray();
                    try {
                        users.get().changePassword(userId, password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                    return Reply.ok(users.get().account(userId));
                }));
    }

    /** The path's user id; one that could never be a user's is a 400, not a 404. */
    private static String userId(ApiRequest r) {
        String id = r.path("userId");
        if (!USER_ID.matcher(id).matches()) {
            throw ApiProblem.invalidParameter("userId", "must be 2 to 64 of a-z 0-9 . _ @ -, starting with a letter or digit");
        }
        return id;
    }

    /**
     * The access log records the request as what it is, a change of someone's permissions, with what
     * it sets (never the password).
     */
    private static void permissionChange(ApiRequest r, String change) {
        Guard.Entry entry = Guard.entry(r);
        if (entry != null) {
            entry.action = AccessAction.PERMISSION_CHANGE;
            entry.change = change;
        }
    }

    /** Users are the whole region's: an administrator of some municipalities must not create a region-wide one. */
    private static Principal requireWholeRegion(ApiRequest r) {
        Principal p = Guard.principal(r);
        if (!p.allMunicipalities()) {
            throw new ApiProblem(403, "Forbidden", "Only an administrator granted all municipalities manages users")
                    .with("reason", "other_municipality");
        }
        return p;
    }

    private static ApiProblem ownAccount(String detail) {
        return new ApiProblem(409, "Conflict", detail).with("rule", "own-account");
    }
}
