package org.truce.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.truce.ledger.Ledger;

/** Shows a progress bar (rate, time left) while a large store is replayed into the projections. */
final class ReplayBar implements Ledger.Progress, AutoCloseable {
    private static final long SHOW_ABOVE = 50_000;
    private ProgressBar bar;

    @Override
    public void at(long done, long total) {
        if (total < SHOW_ABOVE) return;
        if (bar == null) {
            bar = new ProgressBarBuilder().setTaskName("rebuild").setInitialMax(total).setUnit(" entries", 1)
                    .showSpeed().build();
        }
        bar.stepTo(done);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
