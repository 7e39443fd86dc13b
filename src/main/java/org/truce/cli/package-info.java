/**
 * The {@code truce} commands (picocli): serve, admin, bulletin, map, verify, export, import, demo and
 * the benchmarks. The only package that writes to standard output.
 */
package org.truce.cli;
