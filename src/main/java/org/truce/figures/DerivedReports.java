package org.truce.figures;

import java.util.List;
import org.truce.ledger.Entry;

/**
 * Reads figures out of another capability's ledger entries, such as case records counted per
 * recording source. The figures projection files what it returns as ordinary reports of that entry,
 * so the counts follow the as-of and known-at rules of every other figure. Implementations are
 * stateless and thread-safe; they return an empty list for entries that count for nothing.
 */
public interface DerivedReports {
    List<Report> reportsOf(Entry entry);
}
