package org.truce.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.truce.app.Truce;
import org.truce.figures.Fact;
import org.truce.ingest.SyntheticData;

/**
 * A probe, not a test: {@code compare} runs only the durable-append part of {@code bench --compare}
 * (same code, full scale); {@code truce [clients] [n] [rounds]} appends through Truce alone and prints
 * the ledger's batch metrics, for profiling (e.g. under JFR). Run by hand with the jar on the class path.
 */
final class AppendProbe {
    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("truce-append-probe");
        if (args.length > 0 && args[0].equals("truce")) {
            int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
            int n = args.length > 2 ? Integer.parseInt(args[2]) : 1600;
            int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 5;
            SyntheticData data = new SyntheticData(11);
            try (Truce truce = Truce.open(dir.resolve("node"), Clock.systemUTC())) {
                List<String> ptr = new ArrayList<>();
                for (int i = 0; i < data.catalog().size(); i++) ptr.add("/" + i);
                DemoCommand.check(truce.recorder().record(data.catalog(), ptr, "bench"));
                for (int r = 0; r < rounds; r++) {
                    List<Fact> facts = data.reports(n);
                    AtomicInteger next = new AtomicInteger();
                    List<Thread> ts = new ArrayList<>();
                    long t0 = System.nanoTime();
                    for (int c = 0; c < clients; c++) {
                        Thread t = new Thread(() -> {
                            for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                                DemoCommand.check(truce.recorder().record(facts.get(i), "bench"));
                            }
                        });
                        ts.add(t);
                        t.start();
                    }
                    for (Thread t : ts) t.join();
                    System.out.printf("round %d: %d clients %,.0f appends/s%n", r, clients, n / ((System.nanoTime() - t0) / 1e9));
                }
                for (String line : truce.metrics().scrape().split("\n")) {
                    if (line.startsWith("truce_ledger_batch")) System.out.println(line);
                }
            }
            return;
        }
        ScratchPostgres pg = ScratchPostgres.create("postgresql://postgres@127.0.0.1:5432/postgres");
        try {
            AppendCompare.Connector postgres = () -> {
                Connection c = pg.connect();
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = on");
                }
                return c;
            };
            CompareTable table = new CompareTable();
            new AppendCompare(CompareOptions.full()).run(dir, postgres, table);
            table.print();
        } finally {
            pg.close();
        }
    }
}
