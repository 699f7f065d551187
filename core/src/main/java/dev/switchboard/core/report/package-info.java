/**
 * The registry as a page people read: one self-contained HTML file (styles, scripts and the graph
 * library inlined, nothing fetched when it is viewed) with the services as a filterable, sortable
 * table, a part per service, the dependency graph laid out at build time, what changed since the
 * previous registry and the last health report. {@link dev.switchboard.core.report.ReportWriter} is
 * the one entry point the front ends call.
 */
package dev.switchboard.core.report;
