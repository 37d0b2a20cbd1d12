/**
 * Retort's exceptions: {@link org.retort.exc.DBAPIException} and its PEP 249 subclasses for failures the
 * database reports, and {@link org.retort.exc.ArgumentException} and friends for misuse of the API.
 */
package org.retort.exc;
