/**
 * From prose to draft figures: reads a bulletin's text sentence by sentence and proposes the figures
 * a careful person would record, each field with the words it was read from, leaving empty (and
 * flagged) what the text does not decide. Rules are data per language ({@code /extraction/rules_<lang>.properties});
 * nothing is written here. A composition layer: it reads the catalog through the figures capability.
 */
package org.truce.extract;
