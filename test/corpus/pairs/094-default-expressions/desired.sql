CREATE TABLE batches (
    id serial PRIMARY KEY,
    size integer DEFAULT (1 + 2),
    ttl interval DEFAULT ('1 day'::interval * 7),
    code text DEFAULT upper('x' || 'y'),
    due date DEFAULT (CURRENT_DATE + 30)
);
