CREATE TABLE retort_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

-- Running upgrade base -> 1975ea83b712

CREATE TABLE account (
	id INTEGER NOT NULL AUTO_INCREMENT,
	name VARCHAR(50) NOT NULL,
	balance NUMERIC(10, 2),
	PRIMARY KEY (id)
) COMMENT='Customer accounts';

INSERT INTO account (id, name) VALUES (1, 'O''Brien');

INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

-- Running upgrade 1975ea83b712 -> ae1027a6acf0

CREATE TABLE orders (
	id INTEGER NOT NULL AUTO_INCREMENT,
	account_id INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT fk_orders_account FOREIGN KEY(account_id) REFERENCES account (id)
);

ALTER TABLE account ADD COLUMN email VARCHAR(100);

ALTER TABLE account MODIFY name VARCHAR(80) NULL;

ALTER TABLE account ALTER COLUMN balance SET DEFAULT 0;

CREATE INDEX ix_account_email ON account (email);

ALTER TABLE orders RENAME TO purchase;

UPDATE retort_version SET version_num='ae1027a6acf0' WHERE retort_version.version_num = '1975ea83b712';

