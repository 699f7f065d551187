/**
 * The group profiles in the user's {@code pom.xml}: which profiles there are and what each adds
 * ({@link dev.switchboard.core.profiles.ProfilesModel}), and the text edit that puts them between two
 * marker comments while leaving every other byte of the file as it was ({@link
 * dev.switchboard.core.profiles.PomProfiles}).
 */
package dev.switchboard.core.profiles;
