/**
 * The goals. Each mojo only reads its parameters, builds one immutable request, calls the engine and
 * maps the outcome to Maven: {@code MojoFailureException} for problems in the user's input, {@code
 * MojoExecutionException} for the unexpected.
 */
package dev.switchboard.maven.mojo;
