package org.truce.cli;

import java.util.concurrent.Callable;
import org.truce.accounts.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revoke a role; a running server stops honouring it at once.")
final class AdminRevoke implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    AdminCommand.DataDir dir;

    @Option(names = "--user", required = true, description = "Username.")
    String user;
    @Option(names = "--role", required = true, description = "Role to revoke.")
    String role;
    @Option(names = "--scope", description = "Organisation the role was held in (default: the account's own).")
    String scope;

    @Override
    public Integer call() {
        return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
            Role r = AdminCommand.role(role);
            boolean held = accounts.revoke(user, r, scope);
            AdminCommand.audit(dir, scope, "revoke", user, r.wireName() + (held ? "" : " (was not held)"));
            out.println(held ? "Revoked " + r.wireName() + " from " + user + "."
                    : user + " did not hold " + r.wireName() + (scope == null ? "" : " in " + scope) + "; nothing changed.");
        });
    }
}
