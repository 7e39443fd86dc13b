/**
 * The crash campaign: a child process ingests through the real recording path while the test kills
 * it with SIGKILL at seeded moments, then checks the store after every kill.
 */
package org.truce.crash;
