/**
 * Mirrors (C2SP calls them monitors): another node's log seen from outside. A {@link org.truce.mirror.Mirror}
 * follows a log over HTTP, accepts its checkpoints only under a {@link org.truce.mirror.CheckpointPolicy},
 * keeps a full copy whose tree must have each signed root ({@link org.truce.mirror.Consistency}), re-reads
 * what the log serves, and recomputes every published bulletin from its own copy to compare byte for
 * byte; whatever differs is an {@link org.truce.mirror.Alarm}. It stands on the ledger and the SQLite
 * store; the copy's read API (a node opened with {@code Truce.openMirror}, served by
 * {@code WebApp.createMirror}) is put together by the CLI.
 */
package org.truce.mirror;
