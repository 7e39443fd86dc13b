/**
 * Mirrors (C2SP calls them monitors): another node's log seen from outside. A {@link org.truce.mirror.Mirror}
 * follows a log over HTTP, accepts its checkpoints only under a {@link org.truce.mirror.CheckpointPolicy},
 * keeps a full copy whose tree must have each signed root ({@link org.truce.mirror.Consistency}), re-reads
 * what the log serves, and recomputes every published bulletin from its own copy to compare byte for
 * byte; whatever differs is an {@link org.truce.mirror.Alarm}. A composition layer: it puts the ledger,
 * the store and a node ({@code org.truce.app}) together; HTTP serving is the CLI's and the web's.
 */
package org.truce.mirror;
