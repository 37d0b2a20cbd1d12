CREATE TABLE retort_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade base -> 1975ea83b712

BEGIN;

CREATE TABLE account (
	id INTEGER NOT NULL,
	name VARCHAR(50) NOT NULL,
	balance NUMERIC(10, 2),
	PRIMARY KEY (id)
);

INSERT INTO account (id, name) VALUES (1, 'O''Brien');

INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

COMMIT;

-- Running upgrade 1975ea83b712 -> ae1027a6acf0

BEGIN;

CREATE TABLE orders (
	id INTEGER NOT NULL,
	account_id INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT fk_orders_account FOREIGN KEY(account_id) REFERENCES account (id)
);

ALTER TABLE account ADD COLUMN email VARCHAR(100);

CREATE TABLE _retort_tmp_account (
	id INTEGER NOT NULL,
	name VARCHAR(80),
	balance NUMERIC(10, 2) DEFAULT 0,
	email VARCHAR(100),
	PRIMARY KEY (id)
);

INSERT INTO _retort_tmp_account (id, name, balance, email) SELECT id, CAST(name AS VARCHAR(80)), balance, email FROM account;

DROP TABLE account;

ALTER TABLE _retort_tmp_account RENAME TO account;

CREATE INDEX ix_account_email ON account (email);

ALTER TABLE orders RENAME TO purchase;

UPDATE retort_version SET version_num='ae1027a6acf0' WHERE retort_version.version_num = '1975ea83b712';

COMMIT;

