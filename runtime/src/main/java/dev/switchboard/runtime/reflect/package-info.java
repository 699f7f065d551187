/**
 * Creating clients from the registry's class names alone, for services present on the classpath but
 * not compiled into the factory.
 */
package dev.switchboard.runtime.reflect;
