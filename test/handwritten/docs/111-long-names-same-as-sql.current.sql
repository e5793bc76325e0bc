-- PostgreSQL truncates the generated names to 63 bytes; so must viborm.
CREATE TABLE other_table_whose_name_is_also_quite_long_indeed_yes (id serial PRIMARY KEY);
CREATE TABLE a_really_long_table_name_that_goes_on_and_on_for_ever_x (
    id int PRIMARY KEY,
    another_rather_long_column_name_for_the_test text UNIQUE,
    yet_another_quite_long_column_name_used_in_keys int CHECK (yet_another_quite_long_column_name_used_in_keys > 0),
    ref_to_the_other_table_with_a_long_name_too int REFERENCES other_table_whose_name_is_also_quite_long_indeed_yes
);
CREATE INDEX ON a_really_long_table_name_that_goes_on_and_on_for_ever_x (another_rather_long_column_name_for_the_test, yet_another_quite_long_column_name_used_in_keys);
CREATE INDEX ON a_really_long_table_name_that_goes_on_and_on_for_ever_x (yet_another_quite_long_column_name_used_in_keys);
INSERT INTO other_table_whose_name_is_also_quite_long_indeed_yes DEFAULT VALUES;
INSERT INTO a_really_long_table_name_that_goes_on_and_on_for_ever_x VALUES (1, 'x', 5, 1);
