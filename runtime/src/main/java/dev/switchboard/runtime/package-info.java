/**
 * What generated code and providers hold on to and does not vary per project: the settings resolved from
 * code, system properties and the environment, the provider SPI, the client cache and the errors they
 * raise. The {@code aws}, {@code grpc} and {@code reflect} packages build on these types, so nothing
 * here may use them: the fallback chain that ties them together lives in {@code resolve}, above them
 * all. AWS and gRPC support live in their own packages and are only loaded when a service of that kind
 * is used.
 */
package dev.switchboard.runtime;
