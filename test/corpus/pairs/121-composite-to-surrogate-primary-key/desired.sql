CREATE TABLE memberships (
    id bigserial PRIMARY KEY,
    group_id integer NOT NULL,
    user_id integer NOT NULL,
    since date DEFAULT CURRENT_DATE,
    UNIQUE (group_id, user_id)
);
