/**
 * Reading the registry back for people and CI: listings, one service in detail, validation against
 * the compiled code, comparison of services or registries with breaking changes classified, and the
 * dependency graph. Every view renders as an aligned table, JSON or YAML.
 */
package dev.switchboard.core.inspect;
