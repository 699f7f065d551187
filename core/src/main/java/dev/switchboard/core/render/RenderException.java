package dev.switchboard.core.render;

/** A template that failed to render; the message names the template, line and column. */
public final class RenderException extends Exception {
    private static final long serialVersionUID = 1L;

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
