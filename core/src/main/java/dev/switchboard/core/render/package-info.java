/**
 * Rendering FreeMarker templates from {@code switchboard-templates} with strict settings: an undefined
 * value fails with the template's name and line instead of printing nothing. {@link
 * dev.switchboard.core.render.SourceGenerator} runs the registry and render stages of {@code generate};
 * {@link dev.switchboard.core.render.Rollback} restores the previous registry and renders from it.
 */
package dev.switchboard.core.render;
