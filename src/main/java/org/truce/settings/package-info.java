/**
 * The node's settings from the environment, read in one place ({@link org.truce.settings.Settings}),
 * each variable declared once with its default and what it sets ({@link org.truce.settings.Setting}).
 * Depends on nothing of Truce; every layer may read it.
 */
package org.truce.settings;
