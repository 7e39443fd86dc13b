package org.truce.cli;

import java.util.concurrent.Callable;
import org.truce.accounts.Role;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "grant", mixinStandardHelpOptions = true,
        description = "Grant a role, in the account's own organisation unless --scope names another (custodian only).")
final class AdminGrant implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;
    @Mixin
    AdminCommand.DataDir dir;

    @Option(names = "--user", required = true, description = "Username.")
    String user;
    @Option(names = "--role", required = true, description = "Role: reporter, transcriber, verifier, analyst, secretariat, custodian, admin.")
    String role;
    @Option(names = "--scope", description = "Organisation the role is held in (default: the account's own).")
    String scope;

    @Override
    public Integer call() {
        return AdminCommand.withAccounts(spec, dir, (accounts, out) -> {
            Role r = AdminCommand.role(role);
            accounts.grant(user, r, scope);
            AdminCommand.audit(dir, scope, "grant", user, r.wireName());
            out.println("Granted " + r.wireName() + (scope == null ? "" : " in " + scope) + " to " + user + ".");
        });
    }
}
