package org.truce.cli;

import org.truce.record.Outcome;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.truce.app.Truce;
import org.truce.figures.Fact;
import org.truce.figures.Recorder;
import org.truce.ingest.SyntheticData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true, description = "Demo and synthetic data.",
        subcommands = {DemoCommand.Load.class, DemoCommand.Generate.class})
final class DemoCommand implements Runnable {
    @Override
    public void run() {
        System.out.println("Use: truce demo load | truce demo generate --reports N --seed S");
    }

    @Command(name = "load", mixinStandardHelpOptions = true, description = "Load the demo dataset (idempotent).")
    static final class Load implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(data, Clock.systemUTC(), bar)) {
                System.out.println("Demo dataset: " + truce.loadDemo() + " new entries.");
            }
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = "Write synthetic reports, labelled synthetic in every output, for volume tests.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--reports", required = true, description = "How many reports.")
        int reports;

        @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--data", defaultValue = "./truce-data", description = "Data directory (default ${DEFAULT-VALUE}).")
        Path data;

        @Override
        public Integer call() {
            if (reports < 1) throw new IllegalArgumentException("--reports must be at least 1");
            try (ReplayBar bar = new ReplayBar(); Truce truce = Truce.open(data, Clock.systemUTC(), bar)) {
                generate(truce.recorder(), new SyntheticData(seed), reports, true);
            }
            System.out.println("Wrote " + reports + " synthetic reports (seed " + seed + ") to " + data);
            return 0;
        }
    }

    /**
     * Records the synthetic catalog and {@code reports} reports in requests of 10,000, sent by two
     * client threads so that the ledger's writer group-commits while the next request is prepared.
     */
    static void generate(Recorder recorder, SyntheticData data, int reports, boolean progress) {
        check(recorder.record(data.catalog(), pointers(data.catalog().size()), "synthetic-generator"));
        java.util.concurrent.atomic.AtomicInteger done = new java.util.concurrent.atomic.AtomicInteger();
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("generate").setInitialMax(reports)
                .setUnit(" reports", 1).showSpeed().build()) {
            Runnable client = () -> {
                while (true) {
                    List<Fact> batch;
                    synchronized (data) {
                        int n = Math.min(10_000, reports - done.get());
                        if (n <= 0) return;
                        batch = data.reports(n);
                        done.addAndGet(n);
                    }
                    check(recorder.record(batch, pointers(batch.size()), "synthetic-generator"));
                    if (progress) bar.stepTo(done.get());
                }
            };
            Thread second = new Thread(client, "generator-2");
            second.start();
            client.run();
            second.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static List<String> pointers(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> "/" + i).toList();
    }

    static void check(Outcome outcome) {
        if (outcome instanceof Outcome.Refused r) throw new IllegalStateException("refused: " + r.violations());
    }
}
