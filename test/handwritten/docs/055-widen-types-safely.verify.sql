SELECT handle = 'ann' AND bio = 'hi' AND followers = 10 AND rating = 4.5 AND score = 0.25 AND code = 'ABCDEFGH' FROM profiles WHERE id = 1;
