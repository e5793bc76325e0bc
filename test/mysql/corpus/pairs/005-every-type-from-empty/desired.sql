CREATE TABLE everything (
  c_tinyint TINYINT, c_bool BOOLEAN DEFAULT TRUE, c_smallint SMALLINT UNSIGNED, c_mediumint MEDIUMINT,
  c_int INT(11) NOT NULL, c_bigint BIGINT(20) UNSIGNED ZEROFILL, c_decimal DECIMAL(8,3) DEFAULT 1.5,
  c_numeric NUMERIC(5), c_float FLOAT, c_float_ps FLOAT(7,3), c_double DOUBLE DEFAULT 1e3, c_real REAL,
  c_bit BIT(5) DEFAULT b'101', c_char CHAR(3), c_varchar VARCHAR(20) DEFAULT 'it''s', c_binary BINARY(4),
  c_varbinary VARBINARY(8), c_tinytext TINYTEXT, c_text TEXT, c_mediumtext MEDIUMTEXT, c_longtext LONGTEXT,
  c_tinyblob TINYBLOB, c_blob BLOB, c_mediumblob MEDIUMBLOB, c_longblob LONGBLOB,
  c_enum ENUM('a','b''c') DEFAULT 'a', c_set SET('x','y','z') DEFAULT 'x,z', c_date DATE DEFAULT '2020-01-01',
  c_time TIME(2), c_datetime DATETIME(6) DEFAULT '2020-01-01 10:00:00', c_timestamp TIMESTAMP NULL,
  c_year YEAR, c_json JSON, c_geometry GEOMETRY, c_point POINT, c_linestring LINESTRING, c_polygon POLYGON,
  PRIMARY KEY (c_int)
);
