/**
 * The service registry: the records that mirror {@code registry.json} field for field (DESIGN §3) and
 * {@link dev.switchboard.runtime.registry.RegistryCodec}, which reads and writes them as JSON or YAML.
 *
 * <p>Field names here are a contract read by tools and users: add fields freely, rename none without a
 * {@code schemaVersion} bump. Everything in this package is immutable and free of Maven, Wire and
 * FreeMarker types, so generated code and applications can use it at run time.
 */
package dev.switchboard.runtime.registry;
