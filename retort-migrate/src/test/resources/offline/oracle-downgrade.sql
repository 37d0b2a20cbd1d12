-- Running downgrade ae1027a6acf0 -> 1975ea83b712

ALTER TABLE purchase RENAME TO orders

/

DROP INDEX ix_account_email

/

ALTER TABLE account MODIFY balance DEFAULT NULL

/

ALTER TABLE account MODIFY name VARCHAR2(50 CHAR)

/

ALTER TABLE account MODIFY name NOT NULL

/

ALTER TABLE account DROP COLUMN email

/

DROP TABLE orders

/

UPDATE retort_version SET version_num='1975ea83b712' WHERE retort_version.version_num = 'ae1027a6acf0'

/

-- Running downgrade 1975ea83b712 -> base

DROP TABLE account

/

DELETE FROM retort_version WHERE retort_version.version_num = '1975ea83b712'

/

DROP TABLE retort_version

/

