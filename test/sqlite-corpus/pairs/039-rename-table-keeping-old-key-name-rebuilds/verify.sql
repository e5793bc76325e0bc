SELECT count(*) = 2 FROM members;
SELECT count(*) = 2 FROM posts JOIN members ON members.id = posts.account_id;
