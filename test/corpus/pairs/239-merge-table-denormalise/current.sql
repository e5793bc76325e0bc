CREATE TABLE profiles (user_id integer PRIMARY KEY, bio text);
CREATE TABLE users (id integer PRIMARY KEY, email text NOT NULL);
ALTER TABLE profiles ADD FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE;
INSERT INTO users VALUES (1, 'a@x.test'), (2, 'b@x.test');
INSERT INTO profiles VALUES (1, 'hello');
