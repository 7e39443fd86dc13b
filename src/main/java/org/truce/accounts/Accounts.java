package org.truce.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The accounts capability: organisations, users, grants, API tokens, sign-in. Thread-safe; it holds
 * no state of its own beyond the in-memory {@link SignInThrottle}, and reads the {@link AccountStore}
 * afresh on every call, so a revocation made by another process counts from the next request.
 *
 * <p>Input a user can get wrong is refused with an {@link AccountRefused} that names the field, and
 * nothing is written. Password arrays passed in are cleared before the method returns.
 */
public final class Accounts {
    public static final Duration MAX_TOKEN_TTL = Duration.ofDays(366);
    /** Writing last_used_at on every request would make every API call a write; a minute is precise enough. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private final AccountStore store;
    private final Clock clock;
    private final IdSource ids;
    private final PasswordHasher hasher;
    private final SignInThrottle throttle;
    /**
     * Verified against when the username is unknown, so that an unknown username costs the same
     * Argon2 work as a wrong password and response times do not tell which usernames exist (OWASP
     * Authentication Cheat Sheet, "Authentication responses").
     */
    private final String dummyHash;

    public Accounts(AccountStore store, Clock clock, SecureRandom random) {
        this(store, clock, random, new PasswordHasher(random), new SignInThrottle(clock));
    }

    public Accounts(AccountStore store, Clock clock, SecureRandom random, PasswordHasher hasher, SignInThrottle throttle) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ids = new IdSource(random);
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        char[] unguessable = ids.tokenSecret().toCharArray();
        this.dummyHash = hasher.hash(unguessable);
        Arrays.fill(unguessable, '\0');
    }

    // --- organisations -------------------------------------------------------------------------

    public Organisation createOrg(String id, String sourceId, String name) {
        Organisation organisation = new Organisation(id, sourceId, name);
        if (!store.addOrganisation(organisation)) {
            throw new AccountRefused("id", "organisation \"" + id + "\" already exists");
        }
        return organisation;
    }

    public List<Organisation> organisations() {
        return store.organisations();
    }

    public Optional<Organisation> organisation(String id) {
        return store.organisation(id);
    }

    // --- accounts and grants -------------------------------------------------------------------

    public Account createUser(String orgId, String username, char[] password) {
        return createUser(orgId, username, password, Set.of());
    }

    /** Creates the account with the given roles in its own organisation, all or nothing. */
    public Account createUser(String orgId, String username, char[] password, Set<Role> roles) {
        try {
            Names.orgId("org", orgId);
            Names.username(username);
            requireOrganisation("org", orgId);
            PasswordPolicy.check(password);
            Account account = new Account(ids.accountId(), orgId, username, false, now());
            List<Grant> grants = roles.stream().sorted().map(role -> new Grant(role, orgId)).toList();
            if (!store.addAccount(account, hasher.hash(password), grants)) {
                throw new AccountRefused("username", "username \"" + username + "\" is already taken");
            }
            return account;
        } finally {
            clear(password);
        }
    }

    public List<Account> accounts(String orgIdOrNull) {
        return store.accounts(orgIdOrNull);
    }

    /** Disables or re-enables an account; a disabled account can neither sign in nor use its tokens. */
    public void setDisabled(String username, boolean disabled) {
        store.setDisabled(requireAccount(username).id(), disabled);
    }

    /**
     * Grants the role in {@code scopeOrgOrNull}, or in the account's own organisation when null.
     * Only the custodian role may be held for another organisation's cases. Granting a held role
     * changes nothing.
     */
    public void grant(String username, Role role, String scopeOrgOrNull) {
        Account account = requireAccount(username);
        store.addGrant(account.id(), scopedGrant(account, role, scopeOrgOrNull));
    }

    /** Revokes the role; false if the account did not hold it in that scope. */
    public boolean revoke(String username, Role role, String scopeOrgOrNull) {
        Account account = requireAccount(username);
        Objects.requireNonNull(role, "role");
        String scope = scopeOrgOrNull == null ? account.orgId() : Names.orgId("scope", scopeOrgOrNull);
        return store.removeGrant(account.id(), new Grant(role, scope));
    }

    public List<Grant> grants(String username) {
        return store.grants(requireAccount(username).id());
    }

    /** Whether any enabled account can administer; until one can, only the bootstrap token can. */
    public boolean hasAdmin() {
        return store.anyEnabledAccountHolds(Role.ADMIN);
    }

    // --- API tokens ----------------------------------------------------------------------------

    /** Issues a token that expires after {@code ttl} (at most {@link #MAX_TOKEN_TTL}). Its secret is shown only here. */
    public IssuedToken createToken(String username, String tokenName, Duration ttl) {
        Account account = requireAccount(username);
        if (account.disabled()) throw new AccountRefused("username", "account \"" + username + "\" is disabled");
        String name = Names.label("name", tokenName);
        if (ttl == null || ttl.isNegative() || ttl.isZero() || ttl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new AccountRefused("ttl", "a token must expire, after at most " + MAX_TOKEN_TTL.toDays() + " days");
        }
        String id = ids.tokenId();
        String secret = ids.tokenSecret();
        Instant now = now();
        Instant expiresAt = now.plus(ttl);
        store.addToken(new StoredToken(id, account.id(), name, sha256(secret), now, expiresAt, null, null));
        return new IssuedToken(id, secret, expiresAt);
    }

    /** Revokes the token from now on; false if there is no such token or it was already revoked. */
    public boolean revokeToken(String tokenId) {
        if (!TokenText.isId(tokenId)) throw new AccountRefused("id", "a token id is 10 characters a-z and 2-7");
        return store.revokeToken(tokenId, now());
    }

    /**
     * The principal of a presented token text, if it is well-formed, known, matches, is live and its
     * account is enabled; empty otherwise, without saying which.
     */
    public Optional<Principal> authenticateToken(String presented) {
        Optional<TokenText.Parsed> parsed = TokenText.parse(presented);
        if (parsed.isEmpty()) return Optional.empty();
        Optional<StoredToken> stored = store.token(parsed.get().id());
        if (stored.isEmpty()) return Optional.empty();
        StoredToken token = stored.get();
        // Constant-time: a timing difference must not reveal how much of a guessed hash matched.
        if (!MessageDigest.isEqual(sha256(parsed.get().secret()), token.secretHash())) return Optional.empty();
        Instant now = now();
        if (!token.liveAt(now)) return Optional.empty();
        Optional<Account> account = store.account(token.accountId()).filter(a -> !a.disabled());
        if (account.isEmpty()) return Optional.empty();
        if (token.lastUsedAt() == null || !token.lastUsedAt().plus(LAST_USED_RESOLUTION).isAfter(now)) {
            store.tokenUsed(token.id(), now);
        }
        return Optional.of(principalOf(account.get(), "token"));
    }

    // --- sign-in and sessions ------------------------------------------------------------------

    /**
     * Checks a password, throttled per username and per address. The throttle is asked first, so a
     * throttled attempt costs no Argon2 work; an unknown username costs the same work as a known one.
     */
    public SignIn signIn(String username, char[] password, String address) {
        try {
            String name = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
            Optional<Duration> wait = throttle.admit(name, address);
            if (wait.isPresent()) return new SignIn.Throttled(wait.get());
            if (password == null || password.length == 0 || password.length > 2 * PasswordPolicy.MAX_LENGTH) {
                return new SignIn.Refused();
            }
            Optional<Account> account = validUsername(name) ? store.accountByUsername(name) : Optional.empty();
            Optional<String> hash = account.flatMap(a -> store.passwordHash(a.id()));
            boolean matches = hasher.verify(hash.orElse(dummyHash), password);
            if (!matches || hash.isEmpty() || account.get().disabled()) return new SignIn.Refused();
            throttle.succeeded(name, address);
            return new SignIn.Ok(principalOf(account.get(), "password"));
        } finally {
            clear(password);
        }
    }

    /** The principal of a session's account, with its grants as they are now; empty if gone or disabled. */
    public Optional<Principal> principal(String accountId) {
        return store.account(accountId).filter(a -> !a.disabled()).map(a -> principalOf(a, "session"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private Principal principalOf(Account account, String via) {
        String sourceId = store.organisation(account.orgId()).map(Organisation::sourceId).orElse(null);
        return new Principal(account.id(), account.orgId(), sourceId, new HashSet<>(store.grants(account.id())), via);
    }

    private Grant scopedGrant(Account account, Role role, String scopeOrgOrNull) {
        Objects.requireNonNull(role, "role");
        if (scopeOrgOrNull == null || scopeOrgOrNull.equals(account.orgId())) return new Grant(role, account.orgId());
        Names.orgId("scope", scopeOrgOrNull);
        if (role != Role.CUSTODIAN) {
            throw new AccountRefused("scope", "only the custodian role may be granted for another organisation; "
                    + role.wireName() + " is held in the account's own organisation " + account.orgId());
        }
        requireOrganisation("scope", scopeOrgOrNull);
        return new Grant(role, scopeOrgOrNull);
    }

    private Account requireAccount(String username) {
        Names.username(username);
        return store.accountByUsername(username)
                .orElseThrow(() -> new AccountRefused("username", "no account with username \"" + username + "\""));
    }

    private void requireOrganisation(String field, String orgId) {
        if (store.organisation(orgId).isEmpty()) {
            throw new AccountRefused(field, "no organisation \"" + orgId + "\"");
        }
    }

    private static boolean validUsername(String name) {
        try {
            Names.username(name);
            return true;
        } catch (AccountRefused e) {
            return false;
        }
    }

    /** Record times at millisecond precision: enough for expiry, and the same in every store. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * SHA-256 of a token secret. A fast hash is right here, unlike for passwords: the secret is 256
     * random bits, so there is nothing to brute-force and a slow hash would only slow every API call
     * (OWASP Password Storage Cheat Sheet applies to low-entropy secrets).
     */
    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static void clear(char[] password) {
        if (password != null) Arrays.fill(password, '\0');
    }

    /** Keeps which account recorded entries that await review (see {@link FourEyes}). */
    public void noteRecorded(List<String> entryIds, String accountId) {
        store.noteRecorded(entryIds, accountId);
    }

    /** The account that recorded the entry with this client id, if it was noted. */
    public Optional<String> recordedBy(String entryId) {
        return store.recordedBy(entryId);
    }
}
