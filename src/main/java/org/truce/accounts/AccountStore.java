package org.truce.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where organisations, accounts, grants and token hashes are kept (port; adapters in
 * {@code org.truce.store}). Each method is one short transaction that reads or writes the store
 * itself, with no cache, because another process (the CLI beside a running server) may change it
 * at any moment and a revocation must take effect at once.
 *
 * <p>Adapters are thread-safe. Failures of the store itself (I/O, a closed store) are
 * {@link org.truce.ledger.StoreFailure}s; rule checks that need the data (duplicates) are answered
 * as return values, atomically, so two processes cannot both create the same name.
 */
public interface AccountStore extends AutoCloseable {

    /** Adds the organisation; false (and nothing written) if its id is taken. */
    boolean addOrganisation(Organisation organisation);

    Optional<Organisation> organisation(String id);

    /** All organisations by id. */
    List<Organisation> organisations();

    /**
     * Adds the account with its password hash (a PHC string) and its initial grants, all or nothing;
     * false (and nothing written) if the username is taken.
     */
    boolean addAccount(Account account, String passwordHash, List<Grant> grants);

    Optional<Account> account(String id);

    Optional<Account> accountByUsername(String username);

    /** Accounts of one organisation, or of all when {@code orgId} is null, by username. */
    List<Account> accounts(String orgId);

    /** The account's PHC password hash, if the account exists. */
    Optional<String> passwordHash(String accountId);

    /** Sets the account's disabled flag; false if there is no such account. */
    boolean setDisabled(String accountId, boolean disabled);

    /** Adds the grant; false if the account already holds it. */
    boolean addGrant(String accountId, Grant grant);

    /** Removes the grant; false if the account did not hold it. */
    boolean removeGrant(String accountId, Grant grant);

    /** The account's grants, by role then scope. */
    List<Grant> grants(String accountId);

    /** Whether any enabled account holds the role, in any scope. */
    boolean anyEnabledAccountHolds(Role role);

    void addToken(StoredToken token);

    Optional<StoredToken> token(String id);

    /** Marks a live token revoked at {@code at}; false if there is no such token or it was already revoked. */
    boolean revokeToken(String id, Instant at);

    /** Records a use of the token, for the owner to spot tokens that should not be used any more. */
    void tokenUsed(String id, Instant at);

    /**
     * Keeps which account recorded the entries with these client ids (only those that await a second
     * account's review): the public entries name the organisation only. Already-noted ids keep their account.
     */
    void noteRecorded(List<String> entryIds, String accountId);

    /** The account that recorded the entry with this client id, if it was noted. */
    Optional<String> recordedBy(String entryId);

    @Override
    void close();
}
