/** Schema migrations: revisions, upgrade and downgrade, autogenerate. */
package org.retort.migrate;
