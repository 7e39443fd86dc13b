package org.truce.cli;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.truce.ledger.LedgerStore;
import org.truce.store.Stores;
import org.truce.accounts.Organisation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create-org", mixinStandardHelpOptions = true,
        description = "Create an organisation that speaks for one reporting source of the catalog.")
final class AdminCreateOrg implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    AdminCommand.DataDir dir;

    @Option(names = "--id", required = true, description = "Organisation id: a-z, 0-9 and '-'.")
    String id;
    @Option(names = "--source", required = true, description = "The catalog source id it reports as.")
    String source;
    @Option(names = "--name", required = true, description = "Display name.")
    String name;

    /**
     * Whether the ledger declares the source. Reads the store directly (catalog entries have the
     * client id "source:&lt;id&gt;"), without the data-directory lock, so it works beside a server:
     * the shared database's ledger with {@code --db}, else the data directory's.
     */
    private boolean declared(String id) {
        if (dir.db != null) {
            try (LedgerStore store = Stores.openPostgres(dir.db)) {
                return store.findByClientId("source:" + id).isPresent();
            }
        }
        if (!Files.exists(dir.data.resolve(Stores.SQLITE_FILE))) return false;
        try (LedgerStore store = Stores.openSqlite(dir.data)) {
            return store.findByClientId("source:" + id).isPresent();
        }
    }

    @Override
    public Integer call() {
        boolean declared;
        try {
            declared = declared(source);
        } catch (IllegalArgumentException e) {
            return AdminCommand.fail(spec, "--db: " + e.getMessage(), 2);
        } catch (org.truce.ledger.StoreFailure e) {
            return AdminCommand.fail(spec, e.getMessage(), 1);
        }
        if (!declared) {
            return AdminCommand.fail(spec, "source " + source + " is not in the ledger's catalog of " + dir.where()
                    + "; declare it first (POST /api/v1/sources)", 2);
        }
        return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
            Organisation org = accounts.createOrg(id, source, name);
            AdminCommand.audit(dir, org.id(), "org.created", org.id(), "source " + org.sourceId());
            out.println("Created organisation " + org.id() + " (source " + org.sourceId() + ").");
        });
    }
}
