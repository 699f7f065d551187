/**
 * Finding a client for a service by name when the factory was not generated with it, and the engine of
 * the dynamic wrapper: {@link dev.switchboard.runtime.resolve.ClientResolver} tries a provider, then
 * reflection, then the generic REST client; {@link dev.switchboard.runtime.resolve.DynamicClients} caches
 * what it makes for a live registry.
 *
 * <p>This package sits on top of the others: it uses the settings and SPI of the root package, the
 * {@code reflect}, {@code http} and {@code live} packages, and none of them uses it.
 */
package dev.switchboard.runtime.resolve;
