package org.truce.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import java.util.function.Supplier;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.truce.audit.AuditTrail;
import org.truce.ledger.Ledger;
import org.truce.ledger.LedgerObserver;

/**
 * The node's metrics in one Micrometer registry scraped as Prometheus text: the ledger's appends and
 * batch sizes (as its {@link LedgerObserver}), its size, applied size and projection lag (gauges read
 * at scrape time), HTTP request latencies (recorded by the web layer through {@link #httpRequest}),
 * and the JVM's memory, threads, processor and uptime.
 *
 * <p>Thread-safe. One per node, created before the ledger opens and {@link #watch watching} it once it has.
 */
public final class NodeMetrics implements LedgerObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Counter appended = Counter.builder("truce.ledger.appended")
            .description("new entries written to the ledger").baseUnit("entries").register(registry);
    private final Counter requests = Counter.builder("truce.ledger.append.requests")
            .description("append requests committed (retries included)").register(registry);
    private final DistributionSummary batchDrafts = DistributionSummary.builder("truce.ledger.batch.drafts")
            .description("drafts per committed batch (group commit)").register(registry);
    private final Counter failed = Counter.builder("truce.ledger.append.failed")
            .description("append requests failed on the store (none acknowledged)").register(registry);
    private final Timer commits = Timer.builder("truce.ledger.batch.commit")
            .description("time from taking a batch to its durable commit").register(registry);

    public NodeMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void batchCommitted(int requestCount, int drafts, int created, long nanos) {
        appended.increment(created);
        requests.increment(requestCount);
        batchDrafts.record(drafts);
        commits.record(Duration.ofNanos(nanos));
    }

    @Override
    public void batchFailed(int requestCount) {
        failed.increment(requestCount);
    }

    /** Registers the gauges read from the ledger at each scrape. */
    void watch(Ledger ledger) {
        Gauge.builder("truce.ledger.size", ledger, Ledger::storeSize)
                .description("entries in the store").baseUnit("entries").register(registry);
        Gauge.builder("truce.ledger.applied", ledger, Ledger::size)
                .description("entries folded into this node's projections").baseUnit("entries").register(registry);
        Gauge.builder("truce.projection.lag", ledger, l -> Math.max(0, l.storeSize() - l.size()))
                .description("entries in the store not yet in this node's projections").baseUnit("entries").register(registry);
        Gauge.builder("truce.ledger.writer.stopped", ledger, l -> l.stoppedReason().isPresent() ? 1 : 0)
                .description("1 when the node refuses every write (another node signs with a different key)").register(registry);
    }

    /**
     * Registers a mirror's gauges: the alarms it raised (forks, rollbacks, missing or changed entries,
     * bad signatures, bulletins that differ; any above 0 is a page), the size of the log's checkpoint it
     * accepted last, and the bulletin outputs it compared with the log's.
     */
    public void watchMirror(Supplier<Number> alarms, Supplier<Number> acceptedSize, Supplier<Number> outputsCompared) {
        Gauge.builder("truce.mirror.alarms", alarms).description("alarms the mirror raised about the log it follows").register(registry);
        Gauge.builder("truce.mirror.checkpoint.size", acceptedSize).description("size of the log's checkpoint the mirror accepted last")
                .baseUnit("entries").register(registry);
        Gauge.builder("truce.mirror.outputs.compared", outputsCompared)
                .description("bulletin outputs (publication, language, format) compared byte for byte with the log's").register(registry);
    }

    /** Registers the audit trail's counters: refusals dropped over its quota, appends failed, over quota now. */
    public void watch(AuditTrail audit) {
        FunctionCounter.builder("truce.audit.refusals.dropped", audit, AuditTrail::droppedRefusals)
                .description("refused requests not recorded because the audit store was over its quota").register(registry);
        FunctionCounter.builder("truce.audit.append.failed", audit, AuditTrail::failedAppends)
                .description("audit records that could not be written (the work they record went on)").register(registry);
        Gauge.builder("truce.audit.over.quota", audit, a -> a.overQuota() ? 1 : 0)
                .description("1 while the audit store holds more than TRUCE_AUDIT_QUOTA_BYTES").register(registry);
    }

    /**
     * Records one answered HTTP request.
     *
     * @param route the matched route's path pattern (never the raw path, so the series stay bounded)
     */
    public void httpRequest(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests").description("HTTP requests by route pattern and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .register(registry).record(took);
    }

    /** The registry's current state in the Prometheus text format (version 0.0.4). */
    public String scrape() {
        return registry.scrape();
    }

    /** The content type of {@link #scrape}. */
    public static String contentType() {
        return "text/plain; version=0.0.4; charset=utf-8";
    }
}
