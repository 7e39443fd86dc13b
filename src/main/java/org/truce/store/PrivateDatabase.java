package org.truce.store;

import com.zaxxer.hikari.HikariDataSource;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.truce.accounts.AccountStore;
import org.truce.accounts.SessionStore;
import org.truce.accounts.AttemptCounters;
import org.truce.audit.AuditLog;
import org.truce.feedback.FeedbackStore;
import org.truce.ledger.StoreFailure;
import org.truce.privacy.DataKeys;

/**
 * The private stores of nodes that share one PostgreSQL database: accounts, sessions, attempt
 * counters, the audit trail, the data keys and readers' messages, all in schema {@value #SCHEMA} of
 * the ledger's database, so that every node sees the same ones and a dump of the public schema (the
 * ledger) never carries them. With these in the database a node's data directory holds only its key
 * and its lock.
 *
 * <p>Opens a small connection pool of its own (the ledger's pool belongs to its store) and brings
 * the schema up to date (Flyway, its history table inside the schema). The stores it hands out share
 * the pool: close them, then this. Thread-safe.
 */
public final class PrivateDatabase implements AutoCloseable {

    /** The schema of the private stores. */
    public static final String SCHEMA = "truce_private";

    private static final String MIGRATIONS = "classpath:db/postgresql-private";
    private static final int POOL = 4;

    private final HikariDataSource pool;

    private PrivateDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /**
     * Opens the private stores in the PostgreSQL database at {@code url} ({@code postgresql://user@host:port/db}
     * or a {@code jdbc:postgresql:} URL), creating schema {@value #SCHEMA} and its tables if needed.
     *
     * @throws IllegalArgumentException if the URL is malformed
     * @throws StoreFailure if the database cannot be reached or migrated
     */
    public static PrivateDatabase open(String url) {
        PostgresUrl where = PostgresUrl.parse(url);
        HikariDataSource pool = PostgresPool.open(where, "truce-private", POOL, SCHEMA); // search_path: the stores name their tables unqualified
        try {
            Flyway.configure(PrivateDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .schemas(SCHEMA)
                    .createSchemas(true)
                    .locations(MIGRATIONS)
                    .failOnMissingLocations(true)
                    .load()
                    .migrate();
            return new PrivateDatabase(pool);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreFailure("could not migrate the private stores' schema " + SCHEMA + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Opens only the accounts of the database at {@code url}, on a pool of its own that closing the
     * store closes ({@code truce admin --db}).
     */
    public static AccountStore openAccounts(String url) {
        PrivateDatabase database = open(url);
        return new PostgresAccountStore(database.jdbc("accounts store"), database::close);
    }

    /**
     * Opens only the audit trail of the database at {@code url}, on a pool of its own that closing the
     * log closes ({@code truce admin --db}).
     */
    public static AuditLog openAuditLog(String url, Clock clock, Duration retention) {
        PrivateDatabase database = open(url);
        return new PostgresAuditLog(database.jdbc("audit log"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retention, "retention"), database::close);
    }

    public AccountStore accounts() {
        return new PostgresAccountStore(jdbc("accounts store"), () -> { });
    }

    public SessionStore sessions() {
        return new PostgresSessionStore(jdbc("session store"));
    }

    public AttemptCounters attemptCounters() {
        return new PostgresAttemptCounters(jdbc("attempt counters"));
    }

    /** The one audit chain of every node; records stamped by {@code clock}, pruned after {@code retention}. */
    public AuditLog auditLog(Clock clock, Duration retention) {
        return new PostgresAuditLog(jdbc("audit log"), Objects.requireNonNull(clock, "clock"),
                Objects.requireNonNull(retention, "retention"), () -> { });
    }

    /** The data keys; new keys come from {@code random}, destructions are stamped by {@code clock}. */
    public DataKeys dataKeys(SecureRandom random, Clock clock) {
        return new PostgresDataKeys(jdbc("key store"), pool, Objects.requireNonNull(random, "random"),
                Objects.requireNonNull(clock, "clock"));
    }

    public FeedbackStore feedback() {
        return new PostgresFeedbackStore(jdbc("feedback store"));
    }

    private PrivateJdbc jdbc(String store) {
        return new PrivateJdbc(pool, store);
    }

    /** Closes the pool; the stores handed out stop working. */
    @Override
    public void close() {
        pool.close();
    }
}
