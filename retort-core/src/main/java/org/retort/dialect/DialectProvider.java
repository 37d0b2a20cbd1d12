package org.retort.dialect;

/** A service that supplies dialects for databases Retort does not ship, found with {@link java.util.ServiceLoader}. */
public interface DialectProvider {

    /**
     * Creates the dialect for a backend name, or returns null when this provider does not know it.
     *
     * @param name the backend name from the URL
     * @return a new dialect, or null
     */
    Dialect create(String name);
}
