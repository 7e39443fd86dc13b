package org.truce.web;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Ends the reading of a request body that comes too slowly, so that a client dripping bytes cannot
 * hold a server thread: past a grace period the body must average at least a minimum rate since
 * reading began, and it must be complete within a time limit. A refused body reads as a failure
 * whose cause is a {@link TimeoutException}; the application answers 408 ({@link #timedOut}).
 *
 * <p>Jetty's {@code MinimumDataRateHandler} (which replaces {@code HttpConfiguration.minRequestDataRate},
 * deprecated and no longer enforced) checks the rate from the first byte: a small body split over
 * two packets on a slow link would fail it. Here the rate counts only after the grace period, as
 * Kestrel's {@code MinRequestBodyDataRate} does, and the time limit also ends a body that keeps just
 * above the rate. The checks run whenever the reader waits for more bytes; a client that sends none
 * at all is ended by the connector's idle timeout. Immutable and thread-safe; each request's state
 * is touched by its one reader only, as Jetty's read and demand contract guarantees.
 */
final class SlowBodies extends Handler.Wrapper {
    private final long minBytesPerSecond;
    private final long graceNanos;
    private final long limitNanos;

    /**
     * @param minBytesPerSecond the average rate a body must keep after {@code grace}; 0 checks no rate
     * @param limit             the time a body may take in all, from the first wait for it
     */
    SlowBodies(long minBytesPerSecond, Duration grace, Duration limit) {
        if (minBytesPerSecond < 0) throw new IllegalArgumentException("the minimum rate must not be negative");
        if (grace.isNegative() || limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the grace period must not be negative and the time limit must be positive");
        }
        this.minBytesPerSecond = minBytesPerSecond;
        this.graceNanos = grace.toNanos();
        this.limitNanos = limit.toNanos();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        return super.handle(new Paced(request), response, callback);
    }

    /** Whether {@code e} (or a cause of it) is a body refused here, or one the connection's idle timeout ended. */
    static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException) return true;
        }
        return false;
    }

    /** Why a body that has brought {@code bytes} in {@code elapsed} nanoseconds must end, or null while it may go on. */
    String verdict(long bytes, long elapsed) {
        if (elapsed > limitNanos) {
            return "the request body took longer than " + Duration.ofNanos(limitNanos).toSeconds() + " s";
        }
        if (minBytesPerSecond > 0 && elapsed > graceNanos && bytes * 1_000_000_000L / elapsed < minBytesPerSecond) {
            return "the request body came slower than " + minBytesPerSecond + " bytes a second";
        }
        return null;
    }

    private final class Paced extends Request.Wrapper {
        private long began;
        private long bytes;
        private Content.Chunk refusal;

        Paced(Request request) {
            super(request);
        }

        @Override
        public void demand(Runnable demandCallback) {
            long now = System.nanoTime();
            if (began == 0) began = now == 0 ? 1 : now;
            String why = refusal == null ? verdict(bytes, now - began) : null;
            if (why != null) refusal = Content.Chunk.from(new TimeoutException(why));
            if (refusal != null) {
                demandCallback.run();
                return;
            }
            super.demand(demandCallback);
        }

        @Override
        public Content.Chunk read() {
            if (refusal != null) return refusal;
            Content.Chunk chunk = super.read();
            if (chunk != null) bytes += chunk.remaining();
            return chunk;
        }
    }
}
