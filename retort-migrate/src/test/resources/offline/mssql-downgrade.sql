-- Running downgrade ae1027a6acf0 -> 1975ea83b712

EXEC sp_rename 'purchase', 'orders';

GO

DROP INDEX ix_account_email ON account;

GO

DECLARE @const_name VARCHAR(256)
SELECT @const_name = QUOTENAME([name]) FROM sys.default_constraints
WHERE parent_object_id = OBJECT_ID('account')
AND COL_NAME(parent_object_id, parent_column_id) = 'balance'
EXEC('ALTER TABLE account DROP CONSTRAINT ' + @const_name);

GO

ALTER TABLE account ALTER COLUMN name VARCHAR(50) NOT NULL;

GO

ALTER TABLE account DROP COLUMN email;

GO

DROP TABLE orders;

GO

UPDATE retort_version SET version_num='1975ea83b712' WHERE retort_version.version_num = 'ae1027a6acf0';

GO

-- Running downgrade 1975ea83b712 -> base

DROP TABLE account;

GO

DELETE FROM retort_version WHERE retort_version.version_num = '1975ea83b712';

GO

DROP TABLE retort_version;

GO

