package org.truce.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The figure of one series at the end of one report date: the latest total dated on or before it plus
 * the increments after that total. Immutable.
 *
 * @param baseDate date of the total it stands on, or null when there is none (a sum of increments only)
 * @param breakdown derived breakdown; a key is present only when every contributing report gives it
 * @param sameDay   the increments dated on the base total's own date: the total includes them, so they
 *                  are not added, but they are the source's own figures and are stated with it
 */
record Step(LocalDate date, BigDecimal value, Qualifier qualifier, Map<String, BigDecimal> breakdown,
            LocalDate baseDate, BigDecimal baseValue, Qualifier baseQualifier, int increments,
            boolean approximate, List<Flag> flags, List<Filed> sameDay) {}
