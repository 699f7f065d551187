/**
 * Building AWS SDK v2 clients with a factory's settings, and calling a class's static {@code builder()}
 * through a cached method handle; loaded only when an AWS service is used.
 */
package dev.switchboard.runtime.aws;
