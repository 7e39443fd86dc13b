/**
 * The daily situation report: composed from the figures, incidents and accords at one checkpoint
 * (so it can be recomputed byte for byte), worded from ICU message patterns per language
 * ({@code bulletin/messages_<lang>.properties}), rendered as text, JSON, HTML and PDF, and published
 * as a ledger entry that names its checkpoint. {@code Issues} gives a bulletin as issued: a
 * publication with its {@code Masthead} (issuer, number, status, changes since the date's earlier
 * publication) or a draft, marked in every format; {@code PrintShop} keeps each publication's PDF once
 * rendered ({@code PrintedCopies} is its storage port).
 */
package org.truce.bulletin;
