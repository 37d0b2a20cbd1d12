package org.retort.dialect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database server version, compared numerically ({@code 10.11.5 > 10.5}).
 *
 * @param major major version
 * @param minor minor version
 * @param patch patch version
 * @param text the version string as the server reported it
 */
public record ServerVersion(int major, int minor, int patch, String text) implements Comparable<ServerVersion> {
    private static final Pattern NUMBERS = Pattern.compile("(\\d+)(?:\\.(\\d+))?(?:\\.(\\d+))?");

    /** A version not yet known; compares below every real version. */
    public static final ServerVersion UNKNOWN = new ServerVersion(0, 0, 0, "unknown");

    /**
     * Parses the first {@code a.b.c} in a version string.
     *
     * @param text what the server reports, e.g. {@code "10.11.6-MariaDB-0+deb12u1"}
     * @return the version, or {@link #UNKNOWN}
     */
    public static ServerVersion parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        Matcher m = NUMBERS.matcher(text);
        if (!m.find()) {
            return UNKNOWN;
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)), text);
    }

    /**
     * Creates a version from numbers.
     *
     * @param major major
     * @param minor minor
     * @param patch patch
     * @return the version
     */
    public static ServerVersion of(int major, int minor, int patch) {
        return new ServerVersion(major, minor, patch, major + "." + minor + "." + patch);
    }

    /**
     * Whether this version is at least the given one.
     *
     * @param major major
     * @param minor minor
     * @return true when {@code this >= major.minor}
     */
    public boolean atLeast(int major, int minor) {
        return compareTo(of(major, minor, 0)) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return text;
    }
}
