/**
 * The generic REST client: calls a service that has REST endpoints in the registry but no client class,
 * JSON over {@code java.net.http}.
 */
package dev.switchboard.runtime.http;
