package org.truce.cli;

import java.util.concurrent.Callable;
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

    @Override
    public Integer call() {
        return AdminCommand.withAccounts(spec, dir.data, (accounts, out) -> {
            Organisation org = accounts.createOrg(id, source, name);
            AdminCommand.audit(dir.data, org.id(), "org.created", org.id(), "source " + org.sourceId());
            out.println("Created organisation " + org.id() + " (source " + org.sourceId() + ").");
        });
    }
}
