/**
 * What generated code calls at run time and does not vary per project: the client cache, settings
 * resolved from code, system properties and the environment, the provider SPI, and the fallback chain
 * for services that are not compiled in. AWS and gRPC support live in their own packages and are only
 * loaded when a service of that kind is used.
 */
package dev.switchboard.runtime;
