/**
 * The dialect SPI: {@link org.retort.dialect.Dialect} and the per-database implementations in the
 * sub-packages, chosen from a URL by {@link org.retort.dialect.Dialects}.
 */
package org.retort.dialect;
