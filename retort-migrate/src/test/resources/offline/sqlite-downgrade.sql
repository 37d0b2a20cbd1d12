-- Running downgrade ae1027a6acf0 -> 1975ea83b712

BEGIN;

ALTER TABLE purchase RENAME TO orders;

DROP INDEX ix_account_email;

CREATE TABLE _retort_tmp_account (
	id INTEGER NOT NULL,
	name VARCHAR(50) NOT NULL,
	balance NUMERIC(10, 2),
	email VARCHAR(100),
	PRIMARY KEY (id)
);

INSERT INTO _retort_tmp_account (id, name, balance, email) SELECT id, CAST(name AS VARCHAR(50)), balance, email FROM account;

DROP TABLE account;

ALTER TABLE _retort_tmp_account RENAME TO account;

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

