package org.truce.cli;

import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.truce.accounts.Account;
import org.truce.accounts.Organisation;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Lists organisations and accounts with their grants. Never prints a credential. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List organisations and accounts with their roles.")
final class AdminList implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    AdminCommand.DataDir dir;

    @Override
    public Integer call() {
        return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
            out.println("Organisations:");
            for (Organisation o : accounts.organisations()) {
                out.println("  " + o.id() + "  source=" + o.sourceId() + "  " + o.name());
            }
            out.println("Accounts:");
            for (Account a : accounts.accounts(null)) {
                String grants = accounts.grants(a.username()).stream()
                        .map(g -> g.role().wireName() + (g.scopeOrg().equals(a.orgId()) ? "" : "@" + g.scopeOrg()))
                        .collect(Collectors.joining(","));
                out.println("  " + a.username() + "  " + a.id() + "  org=" + a.orgId() + (a.disabled() ? "  DISABLED" : "")
                        + "  roles=" + (grants.isEmpty() ? "-" : grants));
            }
        });
    }
}
