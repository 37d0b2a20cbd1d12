CREATE TABLE retort_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade base -> 1975ea83b712

BEGIN;

CREATE TABLE account (
	id SERIAL NOT NULL,
	name VARCHAR(50) NOT NULL,
	balance NUMERIC(10, 2),
	PRIMARY KEY (id)
);

COMMENT ON TABLE account IS 'Customer accounts';

INSERT INTO account (id, name) VALUES (1, 'O''Brien');

INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

COMMIT;

-- Running upgrade 1975ea83b712 -> ae1027a6acf0

BEGIN;

CREATE TABLE orders (
	id SERIAL NOT NULL,
	account_id INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT fk_orders_account FOREIGN KEY(account_id) REFERENCES account (id)
);

ALTER TABLE account ADD COLUMN email VARCHAR(100);

ALTER TABLE account ALTER COLUMN name TYPE VARCHAR(80);

ALTER TABLE account ALTER COLUMN name DROP NOT NULL;

ALTER TABLE account ALTER COLUMN balance SET DEFAULT 0;

CREATE INDEX ix_account_email ON account (email);

ALTER TABLE orders RENAME TO purchase;

UPDATE retort_version SET version_num='ae1027a6acf0' WHERE retort_version.version_num = '1975ea83b712';

COMMIT;

