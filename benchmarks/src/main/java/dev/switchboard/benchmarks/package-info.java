/**
 * Benchmarks of the switchboard registry goal: a generator of synthetic proto projects ({@link
 * dev.switchboard.benchmarks.ProtoTreeGenerator}), JMH benchmarks of the engine ({@link
 * dev.switchboard.benchmarks.RegistryBuildBenchmark}) and the harnesses that explain their figures
 * ({@link dev.switchboard.benchmarks.StageProfile}, {@link dev.switchboard.benchmarks.NoOpCheckPrototype}).
 * Nothing here is part of the plugin; it only calls the plugin's public API and Wire.
 */
package dev.switchboard.benchmarks;
