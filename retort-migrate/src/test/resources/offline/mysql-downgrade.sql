-- Running downgrade ae1027a6acf0 -> 1975ea83b712

ALTER TABLE purchase RENAME TO orders;

DROP INDEX ix_account_email ON account;

ALTER TABLE account ALTER COLUMN balance DROP DEFAULT;

ALTER TABLE account MODIFY name VARCHAR(50) NOT NULL;

ALTER TABLE account DROP COLUMN email;

DROP TABLE orders;

UPDATE retort_version SET version_num='1975ea83b712' WHERE retort_version.version_num = 'ae1027a6acf0';

-- Running downgrade 1975ea83b712 -> base

DROP TABLE account;

DELETE FROM retort_version WHERE retort_version.version_num = '1975ea83b712';

DROP TABLE retort_version;

