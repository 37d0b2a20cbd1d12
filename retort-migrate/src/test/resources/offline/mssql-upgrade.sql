CREATE TABLE retort_version (
	version_num VARCHAR(32) NOT NULL,
	CONSTRAINT retort_version_pkc PRIMARY KEY (version_num)
);

GO

-- Running upgrade base -> 1975ea83b712

CREATE TABLE account (
	id INTEGER NOT NULL IDENTITY,
	name VARCHAR(50) NOT NULL,
	balance NUMERIC(10, 2),
	PRIMARY KEY (id)
);

GO

INSERT INTO account (id, name) VALUES (1, 'O''Brien');

GO

INSERT INTO retort_version (version_num) VALUES ('1975ea83b712');

GO

-- Running upgrade 1975ea83b712 -> ae1027a6acf0

CREATE TABLE orders (
	id INTEGER NOT NULL IDENTITY,
	account_id INTEGER NOT NULL,
	PRIMARY KEY (id),
	CONSTRAINT fk_orders_account FOREIGN KEY(account_id) REFERENCES account (id)
);

GO

ALTER TABLE account ADD email VARCHAR(100);

GO

ALTER TABLE account ALTER COLUMN name VARCHAR(80) NULL;

GO

ALTER TABLE account ADD DEFAULT 0 FOR balance;

GO

CREATE INDEX ix_account_email ON account (email);

GO

EXEC sp_rename 'orders', 'purchase';

GO

UPDATE retort_version SET version_num='ae1027a6acf0' WHERE retort_version.version_num = '1975ea83b712';

GO

