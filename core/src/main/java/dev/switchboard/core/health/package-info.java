/**
 * What the {@code health} goal checks: the endpoint of each service, from {@code <endpoints>}, an
 * endpoints file per environment and {@code -Dswitchboard.<service>.endpoint}, and how the results are
 * reported, compared between rounds of monitoring ({@link dev.switchboard.core.health.HealthMonitor}),
 * and turned into a failure.
 */
package dev.switchboard.core.health;
