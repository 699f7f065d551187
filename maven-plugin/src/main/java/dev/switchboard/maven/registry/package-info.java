/**
 * Building the registry: the engine ({@link dev.switchboard.maven.registry.RegistryBuilder}), inference
 * rules, the overrides file, fingerprints and atomic writes.
 */
package dev.switchboard.maven.registry;
