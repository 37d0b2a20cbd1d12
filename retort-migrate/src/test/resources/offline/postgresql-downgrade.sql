-- Running downgrade ae1027a6acf0 -> 1975ea83b712

BEGIN;

ALTER TABLE purchase RENAME TO orders;

DROP INDEX ix_account_email;

ALTER TABLE account ALTER COLUMN balance DROP DEFAULT;

ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(50);

ALTER TABLE account ALTER COLUMN name SET NOT NULL;

ALTER TABLE account DROP COLUMN email;

DROP TABLE orders;

UPDATE retort_version SET version_num='1975ea83b712' WHERE retort_version.version_num = 'ae1027a6acf0';

COMMIT;

-- Running downgrade 1975ea83b712 -> base

BEGIN;

DROP TABLE account;

DELETE FROM retort_version WHERE retort_version.version_num = '1975ea83b712';

COMMIT;

DROP TABLE retort_version;

