/**
 * AWS SDK for Java v2: finding service clients on the classpath by reading class files (never loading
 * them), naming them, and the group catalogue that maps every SDK service module to a group.
 */
package dev.switchboard.core.aws;
