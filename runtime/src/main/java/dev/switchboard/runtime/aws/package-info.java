/** Building AWS SDK v2 clients with a factory's settings; loaded only when an AWS service is used. */
package dev.switchboard.runtime.aws;
