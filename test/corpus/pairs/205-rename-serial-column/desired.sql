CREATE TABLE tickets (ticket_no serial PRIMARY KEY, subject text);
