/**
 * Moving a project from its own hand-written client factory to the generated one: the team's factory
 * interface, read from its sources or from class files ({@link dev.switchboard.core.migrate.InterfaceReader}),
 * for the generated factory to implement.
 */
package dev.switchboard.core.migrate;
