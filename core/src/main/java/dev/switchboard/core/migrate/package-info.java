/**
 * Moving a project from its own hand-written client factory to the generated one: the team's factory
 * interface read from sources or class files ({@link dev.switchboard.core.migrate.InterfaceReader}), and
 * which services the compiled application calls through which factory
 * ({@link dev.switchboard.core.migrate.CallAnalyzer}).
 */
package dev.switchboard.core.migrate;
