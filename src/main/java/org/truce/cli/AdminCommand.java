package org.truce.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import org.truce.accounts.AccountRefused;
import org.truce.accounts.AccountStore;
import org.truce.accounts.Accounts;
import org.truce.accounts.Role;
import org.truce.app.Truce;
import org.truce.audit.AuditLog;
import org.truce.store.PrivateDatabase;
import org.truce.store.PrivateStores;
import org.truce.ledger.StoreFailure;
import org.truce.store.AccountStores;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * {@code truce admin}: organisations, accounts, grants and API tokens, in {@code accounts.db} of a data
 * directory or, with {@code --db}, in the PostgreSQL database that several nodes share (schema
 * {@code truce_private}). It opens only the accounts and the audit trail and takes no data-directory
 * lock, so it works beside running servers, whose next request sees the change.
 */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage organisations, accounts, roles and API tokens (works while the server runs).",
        subcommands = {AdminCreateOrg.class, AdminCreateUser.class, AdminGrant.class, AdminRevoke.class,
                AdminTokens.class, AdminList.class, AdminBodyKeys.class})
final class AdminCommand implements Runnable {
    @CommandLine.Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The {@code --data} and {@code --db} options every admin subcommand takes: where the accounts are. */
    static final class DataDir {
        @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
        Path data;

        @Option(names = "--db", paramLabel = "URL",
                description = "The PostgreSQL database the nodes share (postgresql://user@host:port/db): "
                        + "manage the accounts there instead of in the data directory.")
        String db;

        AccountStore openAccounts() {
            return db == null ? AccountStores.open(data) : PrivateDatabase.openAccounts(db);
        }

        AuditLog openAudit() {
            if (db == null) return PrivateStores.openAuditLog(data, Clock.systemUTC(), Truce.AUDIT_RETENTION);
            return PrivateDatabase.openAuditLog(db, Clock.systemUTC(), Truce.AUDIT_RETENTION);
        }

        /** Where the accounts are, for messages. */
        String where() {
            return db == null ? data.toString() : "the shared database";
        }
    }

    @FunctionalInterface
    interface Work {
        void run(Accounts accounts, PrintWriter out);
    }

    /**
     * Opens the accounts of {@code data}, runs the work, closes them. A refusal or a store failure
     * becomes one line on stderr and a non-zero exit: 2 for bad input, 1 for the store.
     */
    static int withAccounts(CommandSpec spec, DataDir where, Work work) {
        PrintWriter err = spec.commandLine().getErr();
        AccountStore opened;
        try {
            opened = where.openAccounts();
        } catch (IllegalArgumentException e) {
            return fail(spec, "--db: " + e.getMessage(), 2);
        } catch (StoreFailure e) {
            return fail(spec, e.getMessage(), 1);
        }
        try (AccountStore store = opened) {
            work.run(new Accounts(store, Clock.systemUTC(), new SecureRandom()), spec.commandLine().getOut());
            spec.commandLine().getOut().flush();
            return 0;
        } catch (AccountRefused e) {
            return fail(spec, e.getMessage(), 2);
        } catch (StoreFailure e) {
            return fail(spec, e.getMessage(), 1);
        } finally {
            err.flush();
        }
    }

    /**
     * Appends an act to the audit trail, as the operating-system user at the console. The audit log
     * takes appends from this process and running servers at once (its appends are serialised by
     * SQLite, or by an advisory lock in PostgreSQL).
     */
    static void audit(DataDir where, String org, String action, String target, String detail) {
        try (AuditLog log = where.openAudit()) {
            log.append("cli:" + System.getProperty("user.name", "unknown"), org, action, target, "cli", detail);
        }
    }

    static int fail(CommandSpec spec, String message, int code) {
        spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
        spec.commandLine().getErr().flush();
        return code;
    }

    static Role role(String text) {
        return Role.parse(text)
                .orElseThrow(() -> new AccountRefused("role", "role must be one of " + Role.wireNames() + " (got \"" + text + "\")"));
    }
}
