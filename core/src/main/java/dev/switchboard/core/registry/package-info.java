/**
 * Building the registry: the engine ({@link dev.switchboard.core.registry.RegistryBuilder}), inference
 * rules, the overrides file, fingerprints and atomic writes.
 */
package dev.switchboard.core.registry;
