/**
 * Inputs the Maven plugin gets from Maven and the command line gets from its options: the classpath
 * (jars and class directories, given inline or in the file {@code mvn dependency:build-classpath}
 * writes) and artifacts in a local Maven repository.
 */
package dev.switchboard.cli.inputs;
