package org.truce.bulletin;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A section of the bulletin that another capability composes (the ceasefire from the incidents, the
 * implementation from the accords), from the ledger's first {@code size} entries alone, in the
 * language of {@code m}. Implementations are thread-safe and read only their projection; they
 * answer empty when they have nothing to say for the date.
 */
public interface BulletinPart {
    Optional<Bulletin.Part> compose(LocalDate asOf, long size, Messages m);
}
