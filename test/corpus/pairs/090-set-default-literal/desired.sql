CREATE TABLE articles (id serial PRIMARY KEY, title text NOT NULL, views integer DEFAULT 0, lang varchar(5) DEFAULT 'en', published boolean DEFAULT false);
