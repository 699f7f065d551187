/**
 * Rendering FreeMarker templates from {@code switchboard-templates} with strict settings: an undefined
 * value fails with the template's name and line instead of printing nothing.
 */
package dev.switchboard.core.render;
